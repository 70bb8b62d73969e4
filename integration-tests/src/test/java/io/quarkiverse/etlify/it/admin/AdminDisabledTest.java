package io.quarkiverse.etlify.it.admin;

import static io.quarkiverse.etlify.it.admin.Admin.asAdmin;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** quarkus.etlify.admin.enabled=false: the endpoints and the console do not exist. */
@QuarkusTest
@PostgresTest
@TestProfile(AdminDisabledTest.Disabled.class)
class AdminDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.etlify.admin.enabled", "false");
        }
    }

    @Test
    void everyEndpointIsNotFound() {
        asAdmin().get("/crms").then().statusCode(404);
        asAdmin().get("/status").then().statusCode(404);
        Admin.asAdminWithJson("{}").post("/resync").then().statusCode(404);
        asAdmin().get("/console").then().statusCode(404);
        asAdmin().get("/console.js").then().statusCode(404);
    }
}
