package io.quarkiverse.etlify.it.hubspot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.Scrape;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Readiness of a HubSpot CRM: down once it refuses the credentials, up through a short 429. */
@QuarkusTest
@PostgresTest
@TestProfile(HubSpotProfile.class)
class HubSpotHealthTest extends HubSpotTestBase {

    private static final String HUBSPOT = "checks.find { it.name == 'Etlify CRM hubspot' }";

    @AfterEach
    void acceptCredentialsAgain() {
        sandbox.faults().refuseCredentials(false);
        etlify.crm("hubspot").resume();
    }

    @Test
    void refusedCredentialsMakeTheCrmDownUntilItIsTriedAgain() {
        sandbox.faults().refuseCredentials(true);
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.DEFERRED);

        JsonPath health = given().get("/q/health/ready").then().statusCode(503)
                .body(HUBSPOT + ".status", equalTo("DOWN"))
                .body(HUBSPOT + ".data.state", equalTo("unauthorized"))
                .body("checks.find { it.name == 'Etlify CRM fragile' }.status", equalTo("UP"))
                .extract().jsonPath();
        assertThat(Instant.parse(health.getString(HUBSPOT + ".data['retry-at']"))).isAfter(Instant.now());

        sandbox.faults().refuseCredentials(false);
        etlify.crm("hubspot").resume();
        // the durable queue may have synced the deferred record first
        assertThat(etlify.crm("hubspot").syncNow(user)).isIn(SyncResult.SYNCED, SyncResult.NOT_MODIFIED);

        given().get("/q/health/ready").then().statusCode(200).body(HUBSPOT + ".data.state", equalTo("ok"));
    }

    @Test
    void aShortRateLimitKeepsTheCrmUpAndCountsTheRequestsByOutcome() {
        double limited = Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "operation", "batch-upsert",
                "outcome", "rate-limited");
        double succeeded = Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "operation", "batch-upsert",
                "outcome", "success");
        sandbox.faults().failNext(1, 429);
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);

        given().get("/q/health/ready").then().statusCode(200)
                .body(HUBSPOT + ".status", equalTo("UP"))
                .body(HUBSPOT + ".data.state", equalTo("ok"));
        assertThat(Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "operation", "batch-upsert", "outcome",
                "rate-limited")).isEqualTo(limited + 1);
        assertThat(Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "operation", "batch-upsert", "outcome",
                "success")).isEqualTo(succeeded + 1);
    }
}
