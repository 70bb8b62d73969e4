package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The HubSpot adapter needs a token, an http(s) base URL and positive timeouts. */
class InvalidHubSpotConfigFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("hubspot-config", new String[] {
            "quarkus.etlify.crm.hubspot.hubspot.access-token must be set",
            "quarkus.etlify.crm.hubspot.hubspot.base-url must be an http(s) URL such as https://api.hubapi.com, got api.hubapi.com",
            "quarkus.etlify.crm.hubspot.hubspot.connect-timeout must be positive, got PT0S",
            "quarkus.etlify.crm.hubspot.hubspot.read-timeout must be positive, got PT-1S" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "hubspot")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.base-url", "api.hubapi.com")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.connect-timeout", "0s")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.read-timeout", "-1s");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
