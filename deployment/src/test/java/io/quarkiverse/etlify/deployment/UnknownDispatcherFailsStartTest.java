package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A dispatcher identifier naming no SyncDispatcher bean fails start-up instead of every later sync. */
class UnknownDispatcherFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("unknown-dispatcher", new String[] {
            "quarkus.etlify.crm.hubspot.dispatcher=kafka names no SyncDispatcher bean" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.dispatcher", "kafka");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
