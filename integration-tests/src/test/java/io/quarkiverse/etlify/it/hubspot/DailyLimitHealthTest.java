package io.quarkiverse.etlify.it.hubspot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A CRM paused by its daily limit is down until the limit resets, and its 429 is counted as such. */
@QuarkusTest
@PostgresTest
@TestProfile(DailyLimitedHubSpotProfile.class)
class DailyLimitHealthTest extends HubSpotTestBase {

    private static final String HUBSPOT = "checks.find { it.name == 'Etlify CRM hubspot' }";

    @AfterEach
    void resume() {
        guards.forCrm("hubspot").resume();
    }

    @Test
    void theDailyLimitMakesTheCrmDownUntilMidnight() {
        double dailyLimited = Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "outcome", "daily-limit");
        CrmAdapter hubspot = adapter("hubspot");
        for (int i = 0; i <= DailyLimitedHubSpotProfile.DAILY_LIMIT; i++) {
            int n = i;
            catchThrowable(() -> hubspot.upsert("contacts", Map.of("email", "u" + n + "@example.com"), "email", null));
        }

        JsonPath health = given().get("/q/health/ready").then().statusCode(503)
                .body(HUBSPOT + ".status", equalTo("DOWN"))
                .body(HUBSPOT + ".data.state", equalTo("paused"))
                .extract().jsonPath();
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(Instant.parse(health.getString(HUBSPOT + ".data['resumes-at']"))).isCloseTo(midnight, within(5, ChronoUnit.SECONDS));
        assertThat(Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "outcome", "daily-limit"))
                .isEqualTo(dailyLimited + 1);

        guards.forCrm("hubspot").resume();

        given().get("/q/health/ready").then().statusCode(200).body(HUBSPOT + ".status", equalTo("UP"));
    }
}
