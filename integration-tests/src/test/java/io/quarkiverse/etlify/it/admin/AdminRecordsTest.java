package io.quarkiverse.etlify.it.admin;

import static io.quarkiverse.etlify.it.admin.Admin.asAdmin;
import static io.quarkiverse.etlify.it.admin.Admin.asAdminWithJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.it.Company;
import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** One record: its dry run (payload, guard, not modified, missing dependencies) and an inline sync. */
@QuarkusTest
@PostgresTest
class AdminRecordsTest {

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void dryRunShowsWhatASyncWouldDoWithoutCallingTheCrm() {
        Company acme = fixtures.company("Acme");
        User user = fixtures.update(fixtures.user("ada@example.com", "Ada"), u -> u.company = Company.findById(acme.id));

        JsonPath record = asAdmin().get("/crms/hubspot/models/User/records/" + user.id).then().statusCode(200)
                .extract().jsonPath();

        assertThat(record.getString("syncState")).isNull();
        assertThat(record.getBoolean("dryRun.guardPasses")).isTrue();
        assertThat(record.getMap("dryRun.payload")).containsEntry("email", "ada@example.com").containsEntry("company",
                "Acme");
        List<Map<String, Object>> missing = record.getList("dryRun.dependenciesWithoutCrmId");
        assertThat(missing).singleElement().satisfies(dependency -> assertThat(dependency)
                .containsEntry("model", "Company").containsEntry("id", String.valueOf(acme.id)));
        assertThat(record.getString("dryRun.wouldBe")).isEqualTo("BUFFERED");
        assertThat(memory.get("hubspot").calls()).isEmpty();
        assertThat(fixtures.syncRows("hubspot")).as("nothing buffered nor requested").isZero();
    }

    @Test
    void inlineSyncReturnsTheResultThenTheDryRunSaysNotModified() {
        User user = fixtures.user("bob@example.com", "Bob");

        asAdminWithJson("").post("/crms/mirror/models/User/records/" + user.id + "/sync").then().statusCode(200)
                .body("result", equalTo("SYNCED")).body("error", nullValue())
                .body("syncState.errorCount", equalTo(0));

        asAdmin().get("/crms/mirror/models/User/records/" + user.id).then().statusCode(200)
                .body("dryRun.notModified", equalTo(true)).body("dryRun.wouldBe", equalTo("NOT_MODIFIED"))
                .body("syncState.digestStored", equalTo(true));
    }

    @Test
    void unknownCrmModelOrIdIsNotFoundAndAMalformedIdABadRequest() {
        User user = fixtures.user("cy@example.com", "Cy");
        asAdmin().get("/crms/nowhere/models/User/records/" + user.id).then().statusCode(404);
        asAdmin().get("/crms/hubspot/models/Nothing/records/" + user.id).then().statusCode(404);
        asAdmin().get("/crms/hubspot/models/User/records/999999").then().statusCode(404);
        asAdminWithJson("{}").post("/crms/hubspot/models/User/records/999999/sync").then().statusCode(404);
        asAdmin().get("/crms/hubspot/models/User/records/not-a-number").then().statusCode(400);
    }
}
