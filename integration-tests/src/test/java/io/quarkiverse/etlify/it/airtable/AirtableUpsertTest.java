package io.quarkiverse.etlify.it.airtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.airtable.sandbox.Endpoint;
import io.quarkiverse.etlify.airtable.sandbox.StoredRecord;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Single-record writes: one request each, chosen by what identifies the record. */
@QuarkusTest
@PostgresTest
@TestProfile(AirtableProfile.class)
class AirtableUpsertTest extends AirtableTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMergeFieldValueIsOnePerformUpsertWithoutSearch() throws Exception {
        CrmAdapter mirror = adapter("mirror");

        String id = mirror.upsert("people", Map.of("email", "ada@example.com", "firstname", "Ada"), "email", null);
        String again = mirror.upsert("people", Map.of("email", "ada@example.com", "firstname", "Ada L."), "email", null);

        assertThat(id).matches("rec[A-Za-z0-9]{14}").isEqualTo(again);
        assertThat(endpoints()).containsExactly(Endpoint.UPSERT, Endpoint.UPSERT);
        JsonNode body = JSON.readTree(airtable.requests().get(0).body());
        assertThat(body.at("/performUpsert/fieldsToMergeOn").toString()).isEqualTo("[\"email\"]");
        assertThat(body.get("records")).hasSize(1);
        assertThat(body.has("typecast")).as("Airtable's default, not sent").isFalse();
        assertThat(airtable.count("people")).isEqualTo(1);
        assertThat(airtable.record("people", id).orElseThrow().text("firstname")).isEqualTo("Ada L.");
    }

    @Test
    void aKnownRecordIdIsPatchedById() {
        String id = airtable.seed("people", Map.of("email", "ada@example.com", "firstname", "Ada")).id();

        String written = adapter("mirror").upsert("people", Map.of("email", "ada@example.com", "firstname", "Augusta"),
                "email", id);

        assertThat(written).isEqualTo(id);
        assertThat(endpoints()).containsExactly(Endpoint.UPDATE);
        assertThat(airtable.requests().get(0).path()).isEqualTo(path("people") + "/" + id);
        assertThat(airtable.record("people", id).orElseThrow().text("firstname")).isEqualTo("Augusta");
    }

    @Test
    void aChangedEmailOnAKnownRecordIdUpdatesTheSameRecord() {
        User user = fixtures.user("ada@example.com", "Ada");
        assertThat(etlify.crm("mirror").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        String crmId = fixtures.syncRow("mirror", "User", user.id).crmId;

        User changed = fixtures.update(user, u -> u.email = "ada.lovelace@example.com");
        assertThat(etlify.crm("mirror").syncNow(changed)).isEqualTo(SyncResult.SYNCED);

        assertThat(airtable.count("people")).isEqualTo(1);
        assertThat(airtable.record("people", crmId).orElseThrow().text("email")).isEqualTo("ada.lovelace@example.com");
        assertThat(fixtures.syncRow("mirror", "User", user.id).crmId).isEqualTo(crmId);
        assertThat(endpoints()).containsExactly(Endpoint.UPSERT, Endpoint.UPDATE);
    }

    @Test
    void aRecordIdAirtableNoLongerHasFallsBackToTheMergeFieldOrACreate() {
        String person = adapter("mirror").upsert("people", Map.of("email", "ada@example.com"), "email",
                "recGoneGoneGone01");
        String company = adapter("mirror").upsert("Companies", Map.of("name", "Acme"), null, "recGoneGoneGone02");

        assertThat(person).isNotEqualTo("recGoneGoneGone01");
        assertThat(airtable.record("people", person)).isPresent();
        assertThat(airtable.record("Companies", company).orElseThrow().text("name")).isEqualTo("Acme");
        assertThat(endpoints()).containsExactly(Endpoint.UPDATE, Endpoint.UPSERT, Endpoint.UPDATE, Endpoint.CREATE);
        assertThat(airtable.statusCount(404)).isEqualTo(2);
    }

    @Test
    void recordsWithoutMergeValueAreCreatedOnceThenUpdatedById() {
        String id = adapter("mirror").upsert("Companies", Map.of("name", "Acme"), null, null);
        String again = adapter("mirror").upsert("Companies", Map.of("name", "Acme Corp"), null, id);

        assertThat(again).isEqualTo(id);
        assertThat(endpoints()).containsExactly(Endpoint.CREATE, Endpoint.UPDATE);
        assertThat(airtable.count("Companies")).isEqualTo(1);
    }

    @Test
    void aFieldIdMergeKeyAsksForAnswersByFieldId() throws Exception {
        String lead = AirtableProfile.LEAD_EMAIL;

        String id = adapter("mirror").upsert("Leads", Map.of(lead, "ada@example.com", "name", "Ada"), lead, null);
        String again = adapter("mirror").upsert("Leads", Map.of(lead, "ada@example.com", "name", "Ada L."), lead, null);

        assertThat(again).isEqualTo(id);
        assertThat(airtable.count("Leads")).isEqualTo(1);
        assertThat(airtable.record("Leads", id).orElseThrow().text("email")).isEqualTo("ada@example.com");
        JsonNode body = JSON.readTree(airtable.requests().get(0).body());
        assertThat(body.get("returnFieldsByFieldId").asBoolean()).isTrue();
        assertThat(body.at("/performUpsert/fieldsToMergeOn/0").asText()).isEqualTo(lead);
    }

    @Test
    void valuesAreSentAsTheFieldTypesTakeThemAndNullClears() {
        String acme = airtable.seed("Companies", Map.of("name", "Acme")).id();
        String id = airtable.seed("Leads", Map.of("email", "ada@example.com", "name", "Ada", "score", 1)).id();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", "ada@example.com");
        payload.put("name", null);
        payload.put("score", new BigDecimal("36.50"));
        payload.put("vip", true);
        payload.put("born", LocalDate.of(1815, 12, 10));
        payload.put("seen_at", Instant.parse("2026-01-02T03:04:05Z"));
        payload.put("plan", "gold");
        payload.put("tags", List.of("math", "poetry"));
        payload.put("company", List.of(acme));

        adapter("mirror").upsert("Leads", payload, "email", id);

        StoredRecord stored = airtable.record("Leads", id).orElseThrow();
        assertThat(stored.field("name")).as("cleared").isNull();
        assertThat(stored.field("score").decimalValue()).isEqualByComparingTo("36.5");
        assertThat(stored.field("vip").asBoolean()).isTrue();
        assertThat(stored.text("born")).isEqualTo("1815-12-10");
        assertThat(stored.text("seen_at")).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(stored.text("plan")).isEqualTo("gold");
        assertThat(stored.text("tags")).isEqualTo("[\"math\",\"poetry\"]");
        assertThat(stored.text("company")).isEqualTo("[\"" + acme + "\"]");
    }

    @Test
    void typecastIsSentWhenConfiguredAndLetsAirtableConvert() throws Exception {
        // the first field Airtable refuses names the error: a string for a number
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", "ada@example.com");
        payload.put("score", "36");
        payload.put("plan", "platinum");

        assertThatThrownBy(() -> adapter("mirror").upsert("Leads", payload, "email", null))
                .isInstanceOf(CrmValidationException.class)
                .satisfies(e -> assertThat(((CrmValidationException) e).category()).isEqualTo("INVALID_VALUE_FOR_COLUMN"));
        String id = adapter("typecast").upsert("Leads", payload, "email", null);

        assertThat(JSON.readTree(airtable.requests().get(1).body()).get("typecast").asBoolean()).isTrue();
        assertThat(airtable.record("Leads", id).orElseThrow().field("score").isNumber()).isTrue();
        assertThat(airtable.table("Leads").orElseThrow().field("plan").choices()).contains("platinum");
    }

    @Test
    void aValueAirtableCannotTakeIsAValidationErrorAndNoRequest() {
        assertThatThrownBy(() -> adapter("mirror").upsert("people",
                Map.of("email", "ada@example.com", "firstname", new Object()), "email", null))
                .isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("firstname");
        assertThat(airtable.totalRequests()).isZero();
    }
}
