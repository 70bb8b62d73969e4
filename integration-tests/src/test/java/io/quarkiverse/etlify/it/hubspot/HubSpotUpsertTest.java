package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.hubspot.sandbox.CrmObject;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.it.Company;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.Subscription;
import io.quarkiverse.etlify.it.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Single-record writes: one request each, chosen by what identifies the record. */
@QuarkusTest
@PostgresTest
@TestProfile(HubSpotProfile.class)
class HubSpotUpsertTest extends HubSpotTestBase {

    @Test
    void aUniqueIdPropertyIsOneBatchUpsertWithoutSearch() {
        CrmAdapter hubspot = adapter("hubspot");

        String id = hubspot.upsert("contacts", Map.of("email", "Ada@Example.COM", "firstname", "Ada"), "email", null);
        String again = hubspot.upsert("contacts", Map.of("email", " ada@example.com", "firstname", "Ada L."), "email",
                null);

        assertThat(again).isEqualTo(id);
        assertThat(requestKinds()).containsExactly(EndpointKind.BATCH_UPSERT, EndpointKind.BATCH_UPSERT);
        assertThat(sandbox.count("contacts")).isEqualTo(1);
        CrmObject contact = sandbox.object("contacts", id).orElseThrow();
        assertThat(contact.properties()).containsEntry("email", "ada@example.com").containsEntry("firstname", "Ada L.");
    }

    @Test
    void aKnownCrmIdIsUpdatedById() {
        String id = sandbox.seed("contacts", Map.of("email", "ada@example.com", "firstname", "Ada")).id();

        String written = adapter("hubspot").upsert("contacts", Map.of("email", "ada@example.com", "firstname", "Augusta"),
                "email", id);

        assertThat(written).isEqualTo(id);
        assertThat(requestKinds()).containsExactly(EndpointKind.UPDATE);
        assertThat(sandbox.requests().get(0).path()).isEqualTo("/crm/v3/objects/contacts/" + id);
        assertThat(sandbox.object("contacts", id).orElseThrow().properties()).containsEntry("firstname", "Augusta");
    }

    @Test
    void aChangedEmailOnAKnownCrmIdUpdatesTheSameContact() {
        User user = fixtures.user("ada@example.com", "Ada");
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        String crmId = fixtures.syncRow("hubspot", "User", user.id).crmId;

        User changed = fixtures.update(user, u -> u.email = "ada.lovelace@example.com");
        assertThat(etlify.crm("hubspot").syncNow(changed)).isEqualTo(SyncResult.SYNCED);

        assertThat(sandbox.count("contacts")).isEqualTo(1);
        assertThat(sandbox.object("contacts", crmId).orElseThrow().properties())
                .containsEntry("email", "ada.lovelace@example.com");
        assertThat(fixtures.syncRow("hubspot", "User", user.id).crmId).isEqualTo(crmId);
        assertThat(requestKinds()).containsExactly(EndpointKind.BATCH_UPSERT, EndpointKind.UPDATE);
        assertThat(sandbox.requestCount(EndpointKind.SEARCH)).isZero();
    }

    @Test
    void aCrmIdHubSpotNoLongerKnowsFallsBackToTheIdPropertyOrACreate() {
        String contact = adapter("hubspot").upsert("contacts", Map.of("email", "ada@example.com"), "email", "987654");
        String company = adapter("hubspot").upsert("companies", Map.of("name", "Acme"), null, "987655");

        assertThat(contact).isNotEqualTo("987654");
        assertThat(sandbox.object("contacts", contact)).isPresent();
        assertThat(company).isNotEqualTo("987655");
        assertThat(sandbox.object("companies", company).orElseThrow().properties()).containsEntry("name", "Acme");
        assertThat(requestKinds()).containsExactly(EndpointKind.UPDATE, EndpointKind.BATCH_UPSERT, EndpointKind.UPDATE,
                EndpointKind.CREATE);
    }

    @Test
    void recordsWithoutIdPropertyAreCreatedOnceThenUpdatedById() {
        Company company = fixtures.company("Acme");

        assertThat(etlify.crm("hubspot").syncNow(company)).isEqualTo(SyncResult.SYNCED);
        String crmId = fixtures.syncRow("hubspot", "Company", company.id).crmId;
        QuarkusTransaction.requiringNew().run(() -> Company.<Company> findById(company.id).name = "Acme Corp");
        assertThat(etlify.crm("hubspot").syncNow(company)).isEqualTo(SyncResult.SYNCED);

        assertThat(requestKinds()).containsExactly(EndpointKind.CREATE, EndpointKind.UPDATE);
        assertThat(sandbox.requests().get(0).body()).contains("\"associations\":[]");
        assertThat(sandbox.count("companies")).isEqualTo(1);
        assertThat(sandbox.object("companies", crmId).orElseThrow().properties()).containsEntry("name", "Acme Corp");
    }

    @Test
    void customObjectsUpsertByTheirDeclaredUniqueProperty() {
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.plan = "gold";
            s.persist();
            return s;
        });

        assertThat(etlify.crm("hubspot").syncNow(subscription)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("hubspot").forceSyncNow(subscription)).isEqualTo(SyncResult.SYNCED);

        CrmObject stored = sandbox.findBy("p123_subscription", "subscription_id", subscription.id.toString())
                .orElseThrow();
        assertThat(stored.properties()).containsEntry("plan", "gold");
        assertThat(fixtures.syncRow("hubspot", "Subscription", subscription.id).crmId).isEqualTo(stored.id());
        assertThat(sandbox.requests().get(0).path()).isEqualTo("/crm/v3/objects/p123_subscription/batch/upsert");
        assertThat(sandbox.requests().get(0).body()).contains("\"idProperty\":\"subscription_id\"");
        assertThat(requestKinds()).containsExactly(EndpointKind.BATCH_UPSERT, EndpointKind.UPDATE);
    }

    @Test
    void propertyValuesAreRenderedAsTheContractRequires() {
        String id = sandbox.seed("contacts", Map.of("email", "ada@example.com", "lastname", "Lovelace")).id();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", "ADA@example.com");
        payload.put("lastname", null);
        payload.put("age", 36);
        payload.put("balance", new BigDecimal("1234.50"));
        payload.put("ratio", 0.1d);
        payload.put("big", 1.0e10d);
        payload.put("vip", true);
        payload.put("born", LocalDate.of(1815, 12, 10));
        payload.put("signed_up_at", Instant.parse("2026-01-02T03:04:05.678Z"));
        payload.put("renewed_at", OffsetDateTime.of(2026, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2)));
        payload.put("interests", List.of("math", "poetry"));
        payload.put("status", Thread.State.NEW);

        adapter("hubspot").upsert("contacts", payload, "email", id);

        Map<String, String> stored = sandbox.object("contacts", id).orElseThrow().properties();
        assertThat(stored).containsEntry("email", "ada@example.com")
                .doesNotContainKey("lastname")
                .containsEntry("age", "36")
                .containsEntry("balance", "1234.50")
                .containsEntry("ratio", "0.1")
                .containsEntry("big", "10000000000")
                .containsEntry("vip", "true")
                .containsEntry("born", "-4861728000000")
                .containsEntry("signed_up_at", "1767323045678")
                .containsEntry("renewed_at", "1767323045000")
                .containsEntry("interests", "math;poetry")
                .containsEntry("status", "NEW");
    }

    @Test
    void aValueHubSpotCannotStoreIsAValidationErrorAndNoRequest() {
        assertThatThrownBy(() -> adapter("hubspot").upsert("contacts",
                Map.of("email", "ada@example.com", "nested", Map.of("a", 1)), "email", null))
                .isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("nested");
        assertThat(sandbox.totalRequests()).isZero();
    }
}
