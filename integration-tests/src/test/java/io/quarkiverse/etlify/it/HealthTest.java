package io.quarkiverse.etlify.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Readiness: a check per CRM and one of Etlify's tables. */
@QuarkusTest
@PostgresTest
class HealthTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @AfterEach
    void resume() {
        etlify.crm("hubspot").resume();
    }

    @Test
    void everyCrmAndTheTablesAreUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Etlify CRM hubspot' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Etlify CRM hubspot' }.data.state", equalTo("ok"))
                .body("checks.find { it.name == 'Etlify CRM mirror' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Etlify CRM finder' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Etlify database' }.status", equalTo("UP"));
    }

    @Test
    void aPausedCrmIsDownWithTheTimeItResumesThenUpOnceResumed() {
        Instant before = Instant.now();
        etlify.crm("hubspot").pause(Duration.ofMinutes(30), "maintenance window");

        JsonPath health = given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Etlify CRM hubspot' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Etlify CRM hubspot' }.data.state", equalTo("paused"))
                .body("checks.find { it.name == 'Etlify CRM hubspot' }.data.reason", equalTo("maintenance window"))
                .body("checks.find { it.name == 'Etlify CRM mirror' }.status", equalTo("UP"))
                .extract().jsonPath();
        Instant resumesAt = Instant.parse(health.getString("checks.find { it.name == 'Etlify CRM hubspot' }.data['resumes-at']"));
        assertThat(resumesAt).isBetween(before.plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));

        etlify.crm("hubspot").resume();

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Etlify CRM hubspot' }.data.state", equalTo("ok"));
    }

    @Test
    void unreachableTablesAreDown() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "ALTER TABLE crm_synchronisations RENAME TO crm_synchronisations_away").executeUpdate());
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Etlify database' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Etlify database' }.data.error", notNullValue())
                    .body("checks.find { it.name == 'Etlify CRM hubspot' }.status", equalTo("UP"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "ALTER TABLE crm_synchronisations_away RENAME TO crm_synchronisations").executeUpdate());
        }
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Etlify database' }.status", equalTo("UP"));
    }
}
