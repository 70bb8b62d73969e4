package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An unknown HubSpot account time zone fails start-up naming the property, the value and what is allowed. */
class InvalidAccountTimeZoneFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("account-time-zone", new String[] {
            "quarkus.etlify.crm.hubspot.hubspot.account-time-zone must be a time zone ID such as UTC or"
                    + " America/New_York, got Mars/Olympus" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "hubspot")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.access-token", "pat-test")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.account-time-zone", "Mars/Olympus");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
