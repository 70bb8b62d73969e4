package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An invalid batch-sync cron fails start-up naming the property, not only the scheduled method. */
class InvalidBatchSyncCronFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("batch-cron", new String[] {
            "quarkus.etlify.batch-sync.cron must be off or a cron expression (quartz syntax, e.g. 0 0/15 * * * ?),"
                    + " got every 5 minutes" })
            .overrideConfigKey("quarkus.etlify.batch-sync.cron", "every 5 minutes");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
