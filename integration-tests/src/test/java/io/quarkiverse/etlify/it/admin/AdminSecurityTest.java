package io.quarkiverse.etlify.it.admin;

import static io.quarkiverse.etlify.it.admin.Admin.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may call the admin API, which bodies it takes, and how it fails: JSON errors, no stack traces. */
@QuarkusTest
@PostgresTest
class AdminSecurityTest {

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().get("/q/etlify/crms").then().statusCode(401).contentType(ContentType.JSON)
                .body("error", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).body("{}").post("/q/etlify/reset-errors").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").get("/q/etlify/status").then().statusCode(401);
    }

    @Test
    void anotherRoleIsForbidden() {
        given().auth().preemptive().basic("viewer", "viewer-secret").get("/q/etlify/crms").then().statusCode(403)
                .body("error", equalTo("forbidden"));
        given().auth().preemptive().basic("viewer", "viewer-secret").contentType(ContentType.JSON).body("{}")
                .post("/q/etlify/resync").then().statusCode(403);
    }

    @Test
    void stateChangingEndpointsTakeOnlyJson() {
        // what a cross-site HTML form can send
        asAdmin().contentType(ContentType.URLENC).formParam("crm", "hubspot").post("/reset-errors").then()
                .statusCode(415).body("error", equalTo("unsupported media type"));
        asAdmin().contentType(ContentType.TEXT).body("{}").post("/resync").then().statusCode(415);
        asAdmin().post("/crms/hubspot/models/User/records/1/sync").then().statusCode(415);
    }

    @Test
    void malformedInputIsABadRequest() {
        Admin.asAdminWithJson("{not json").post("/reset-errors").then().statusCode(400)
                .body("error", equalTo("bad request")).body("detail", notNullValue())
                .body(not(org.hamcrest.Matchers.containsString("\tat ")));
        Admin.asAdminWithJson("[]").post("/resync").then().statusCode(400);
        Admin.asAdminWithJson("{\"force\": \"yes\"}").post("/resync").then().statusCode(400);
        Admin.asAdminWithJson("{\"colour\": \"red\"}").post("/resync").then().statusCode(400);
        asAdmin().queryParam("size", "x").get("/failures").then().statusCode(400);
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() {
        asAdmin().get("/nothing-here").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("not found"));
        asAdmin().delete("/crms").then().statusCode(405);
        asAdmin().get("/crms/nowhere/models/User/records/1").then().statusCode(404);
    }
}
