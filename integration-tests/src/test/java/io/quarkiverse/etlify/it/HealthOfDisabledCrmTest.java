package io.quarkiverse.etlify.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A disabled CRM is reported as disabled, and keeps the application ready. */
@QuarkusTest
@PostgresTest
@TestProfile(DisabledCrmTest.MirrorDisabled.class)
class HealthOfDisabledCrmTest {

    @Test
    void aDisabledCrmIsUpAndSaysItIsDisabled() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Etlify CRM mirror' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Etlify CRM mirror' }.data.state", equalTo("disabled"))
                .body("checks.find { it.name == 'Etlify CRM hubspot' }.data.state", equalTo("ok"));
    }
}
