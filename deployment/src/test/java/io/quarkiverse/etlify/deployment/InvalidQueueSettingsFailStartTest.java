package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A CRM's queue settings must be positive; each is named. */
class InvalidQueueSettingsFailStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("queue", new String[] {
            "quarkus.etlify.crm.hubspot.queue.concurrency must be positive, got 0",
            "quarkus.etlify.crm.hubspot.queue.batch-size must be positive, got -1",
            "quarkus.etlify.crm.hubspot.queue.poll-interval must be positive, got PT0S",
            "quarkus.etlify.crm.hubspot.queue.lease must be positive, got PT-1S",
            "quarkus.etlify.crm.hubspot.queue.retry-backoff must be positive, got PT0S" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.queue.concurrency", "0")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.queue.batch-size", "-1")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.queue.poll-interval", "0s")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.queue.lease", "-1s")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.queue.retry-backoff", "0s");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
