package org.acme.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.acme.quickstart.User;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkiverse.etlify.test.InjectHubSpotSandbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

// tag::test[]
@QuarkusTest
@TestProfile(HubSpotProfile.class)
class UserHubSpotTest {

    @InjectHubSpotSandbox
    HubSpotSandbox hubspot;

    @Inject
    Etlify etlify;

    @Test
    void syncsThroughTheHubSpotAdapter() {
        User user = QuarkusTransaction.requiringNew().call(() -> {
            User u = new User();
            u.email = "Katherine@Example.com";
            u.firstName = "Katherine";
            u.persist();
            return u;
        });

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(hubspot.findBy("contacts", "email", "katherine@example.com")).isPresent(); // e-mails lower-cased
        assertThat(hubspot.contractViolations()).isEmpty(); // every request as HubSpot's OpenAPI contracts say
    }
}
// end::test[]
