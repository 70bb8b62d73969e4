package io.quarkiverse.etlify.deployment;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** With Etlify's Dev Services off, a hubspot CRM without a token fails start-up as in production. */
class HubSpotDevServiceDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("hubspot-devservice-off",
            new String[] { "quarkus.etlify.crm.hubspot.hubspot.access-token must be set" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "hubspot")
            .overrideConfigKey("quarkus.etlify.devservices.enabled", "false");

    @Test
    void startFails() {
        Assertions.fail("start-up should have failed");
    }
}
