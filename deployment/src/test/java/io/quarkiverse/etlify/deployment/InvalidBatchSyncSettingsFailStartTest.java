package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** batch-sync.batch-size, batch-sync.concurrency and batch-sync.finder-parallelism must be positive; each is named. */
class InvalidBatchSyncSettingsFailStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("batch-sync", new String[] {
            "quarkus.etlify.batch-sync.batch-size must be positive, got 0",
            "quarkus.etlify.batch-sync.concurrency must be positive, got -1",
            "quarkus.etlify.batch-sync.finder-parallelism must be positive, got 0" })
            .overrideConfigKey("quarkus.etlify.batch-sync.batch-size", "0")
            .overrideConfigKey("quarkus.etlify.batch-sync.concurrency", "-1")
            .overrideConfigKey("quarkus.etlify.batch-sync.finder-parallelism", "0");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
