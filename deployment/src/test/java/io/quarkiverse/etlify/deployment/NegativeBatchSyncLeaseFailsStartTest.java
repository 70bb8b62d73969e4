package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A negative batch-sync lease would let every instance take over every CRM's batch sync at once. */
class NegativeBatchSyncLeaseFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("batch-lease", new String[] {
            "quarkus.etlify.batch-sync.lease must be positive, got PT-1S" })
            .overrideConfigKey("quarkus.etlify.batch-sync.lease", "-1s");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
