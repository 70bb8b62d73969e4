package io.quarkiverse.etlify.it.admin;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the admin API as a user with role etlify-admin. */
final class Admin {

    private Admin() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", "admin-secret").basePath("/q/etlify");
    }

    static RequestSpecification asAdminWithJson(String body) {
        return asAdmin().contentType(ContentType.JSON).body(body);
    }
}
