package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Rate limits must be positive. */
class NonPositiveRateLimitFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("rate-limit", new String[] { "quarkus.etlify.crm.hubspot.rate-limit.max-requests must be positive, got 0", "quarkus.etlify.crm.hubspot.rate-limit.period must be positive" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.rate-limit.max-requests", "0")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.rate-limit.period", "0s");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
