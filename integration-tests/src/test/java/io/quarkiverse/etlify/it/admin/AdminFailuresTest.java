package io.quarkiverse.etlify.it.admin;

import static io.quarkiverse.etlify.it.admin.Admin.asAdmin;
import static io.quarkiverse.etlify.it.admin.Admin.asAdminWithJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** GET /q/etlify/failures and POST /q/etlify/reset-errors for one record, a model, a CRM or all. */
@QuarkusTest
@PostgresTest
class AdminFailuresTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    List<User> users;

    @BeforeEach
    void failingRows() {
        fixtures.reset();
        users = fixtures.users(3);
        // hubspot's max-sync-errors is 5: users 0 and 1 are failing, user 1 exhausted; mirror's (3) user 2 exhausted
        failing("hubspot", users.get(0), 2);
        failing("hubspot", users.get(1), 5);
        failing("mirror", users.get(2), 3);
    }

    @Test
    void listsFailingAndExhaustedRows() {
        List<Map<String, Object>> failing = asAdmin().queryParam("crm", "hubspot").get("/failures").then().statusCode(200)
                .body("state", equalTo("failing")).extract().jsonPath().getList("failures");
        assertThat(failing).extracting(row -> row.get("id")).containsExactlyInAnyOrder(
                String.valueOf(users.get(0).id), String.valueOf(users.get(1).id));
        assertThat(failing.get(0)).containsKeys("crmId", "errorCount", "lastError", "lastAttemptAt");

        List<Map<String, Object>> exhausted = asAdmin().queryParam("state", "exhausted").get("/failures").then()
                .statusCode(200).extract().jsonPath().getList("failures");
        assertThat(exhausted).extracting(row -> row.get("crm") + "/" + row.get("id")).containsExactlyInAnyOrder(
                "hubspot/" + users.get(1).id, "mirror/" + users.get(2).id);

        assertThat(asAdmin().queryParam("size", 1).queryParam("page", 1).get("/failures").then().statusCode(200)
                .extract().jsonPath().getList("failures")).hasSize(1);
        asAdmin().queryParam("state", "broken").get("/failures").then().statusCode(400);
        asAdmin().queryParam("model", "Nothing").get("/failures").then().statusCode(404);
        asAdmin().queryParam("crm", "nowhere").get("/failures").then().statusCode(404);
    }

    @Test
    void resetsOneRecordThenAModelThenEverything() {
        asAdminWithJson("{\"crm\": \"hubspot\", \"model\": \"User\", \"ids\": [" + users.get(0).id + "]}")
                .post("/reset-errors").then().statusCode(200).body("reset", equalTo(1));
        assertThat(fixtures.syncRow("hubspot", "User", users.get(0).id).errorCount).isZero();
        assertThat(fixtures.syncRow("hubspot", "User", users.get(1).id).errorCount).isEqualTo(5);

        asAdminWithJson("{\"model\": \"User\"}").post("/reset-errors").then().statusCode(200).body("reset", equalTo(2));
        asAdminWithJson("{}").post("/reset-errors").then().statusCode(200).body("reset", equalTo(0));
    }

    @Test
    void rejectsIdsWithoutModelAndUnknownNames() {
        asAdminWithJson("{\"ids\": [1]}").post("/reset-errors").then().statusCode(400);
        asAdminWithJson("{\"model\": \"User\", \"ids\": [\"abc\"]}").post("/reset-errors").then().statusCode(400);
        asAdminWithJson("{\"crm\": \"nowhere\"}").post("/reset-errors").then().statusCode(404);
        asAdminWithJson("{\"model\": \"Nothing\"}").post("/reset-errors").then().statusCode(404);
        assertThat(fixtures.syncRow("hubspot", "User", users.get(0).id).errorCount).isEqualTo(2);
    }

    private void failing(String crm, User user, int errors) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO crm_synchronisations (crm_name,"
                + " resource_type, resource_id, error_count, last_error, created_at, updated_at)"
                + " VALUES (?1, 'User', ?2, ?3, 'CrmValidationException: refused', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .setParameter(1, crm).setParameter(2, String.valueOf(user.id)).setParameter(3, errors).executeUpdate());
    }
}
