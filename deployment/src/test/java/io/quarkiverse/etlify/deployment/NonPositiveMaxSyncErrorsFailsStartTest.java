package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** max-sync-errors must be positive. */
class NonPositiveMaxSyncErrorsFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("max-sync-errors", new String[] { "quarkus.etlify.max-sync-errors must be positive, got 0" })
            .overrideConfigKey("quarkus.etlify.max-sync-errors", "0");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
