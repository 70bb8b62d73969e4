package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Invalid retry, circuit-breaker and rate-limit settings are all reported at once, by property name. */
class InvalidGuardConfigFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("guard-config", new String[] {
            "quarkus.etlify.crm.hubspot.retry.max-retries must be zero or positive, got -1",
            "quarkus.etlify.crm.hubspot.retry.max-duration must be longer than retry.delay",
            "quarkus.etlify.crm.hubspot.retry.jitter must not be negative",
            "quarkus.etlify.crm.hubspot.circuit-breaker.failure-ratio must be between 0 and 1, got 1.5",
            "quarkus.etlify.crm.hubspot.circuit-breaker.request-volume-threshold must be positive, got 0",
            "quarkus.etlify.crm.hubspot.rate-limit.max-wait must not be negative" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.retry.max-retries", "-1")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.retry.delay", "2s")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.retry.max-duration", "1s")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.retry.jitter", "-5ms")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.circuit-breaker.failure-ratio", "1.5")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.circuit-breaker.request-volume-threshold", "0")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.rate-limit.max-wait", "-1s");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
