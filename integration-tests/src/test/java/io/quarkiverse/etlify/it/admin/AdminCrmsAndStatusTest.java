package io.quarkiverse.etlify.it.admin;

import static io.quarkiverse.etlify.it.admin.Admin.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.it.Company;
import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/** GET /q/etlify/crms and /q/etlify/status: the CRMs with their state and queue, the counts per CRM and model. */
@QuarkusTest
@PostgresTest
class AdminCrmsAndStatusTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Etlify etlify;

    @Inject
    InMemoryCrms memory;

    @BeforeEach
    void clean() {
        fixtures.reset();
        etlify.crm("hubspot").resume();
    }

    @Test
    void crmsShowAdapterStateAndQueueDepth() {
        fixtures.users(2);
        etlify.batchSync(BatchSync.options().crm("mirror").async().models(User.class));
        etlify.crm("hubspot").pause(Duration.ofMinutes(5), "maintenance window");

        List<Map<String, Object>> crms = asAdmin().get("/crms").then().statusCode(200).extract().jsonPath().getList("");

        Map<String, Object> hubspot = byName(crms, "hubspot");
        assertThat(hubspot).containsEntry("adapter", "in-memory").containsEntry("enabled", true)
                .containsEntry("maxSyncErrors", 5);
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) hubspot.get("state");
        assertThat(state).containsEntry("condition", "PAUSED").containsEntry("reason", "maintenance window");
        assertThat(state.get("until")).isNotNull();
        assertThat(hubspot).containsKey("rateLimit");
        // the mirror's workers may already have taken some of the queued syncs
        assertThat(((Number) byName(crms, "mirror").get("queueDepth")).longValue()).isBetween(0L, 2L);
        assertThat(crms).extracting(crm -> crm.get("name")).contains("finder", "hubspot", "mirror");
    }

    @Test
    void statusCountsRecordsSyncedStaleFailingAndExhausted() {
        List<User> users = fixtures.users(3);
        fixtures.company("Acme");
        memory.get("hubspot").failWhen(call -> "user-2@example.com".equals(call.payload().get("email")),
                new CrmValidationException("bad e-mail", 400, null, null, null));
        etlify.batchSync(BatchSync.options().crm("hubspot").inline());
        assertThat(users).hasSize(3);

        List<Map<String, Object>> status = asAdmin().get("/status").then().statusCode(200).extract().jsonPath()
                .getList("");

        Map<String, Object> user = entry(status, "hubspot", "User");
        assertThat(user).containsEntry("records", 3).containsEntry("synced", 2).containsEntry("failing", 1)
                .containsEntry("exhausted", 0).containsEntry("stale", 1).containsEntry("queued", 0);
        assertThat(user.get("lastSyncedAt")).isNotNull();
        assertThat(entry(status, "hubspot", Company.class.getSimpleName())).containsEntry("records", 1)
                .containsEntry("synced", 1).containsEntry("stale", 0);
    }

    private static Map<String, Object> byName(List<Map<String, Object>> crms, String name) {
        return crms.stream().filter(crm -> name.equals(crm.get("name"))).findFirst().orElseThrow();
    }

    static Map<String, Object> entry(List<Map<String, Object>> status, String crm, String model) {
        return status.stream().filter(row -> crm.equals(row.get("crm")) && model.equals(row.get("model"))).findFirst()
                .orElseThrow();
    }
}
