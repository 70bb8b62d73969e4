package io.quarkiverse.etlify.it.airtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.adapter.UpsertOutcome;
import io.quarkiverse.etlify.airtable.sandbox.Endpoint;
import io.quarkiverse.etlify.airtable.sandbox.RecordedRequest;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * batchUpsert: requests of at most 10 records, outcomes mapped back by record id or merge value whatever the
 * answer's order, a request refused for one record's sake retried record by record.
 */
@QuarkusTest
@PostgresTest
@TestProfile(AirtableProfile.class)
class AirtableBatchTest extends AirtableTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void recordsGoInRequestsOfTenAndAreMappedBackWhateverTheAnswerOrder() throws Exception {
        airtable.faults().reverseRecordOrder(true);
        List<String> known = new ArrayList<>();
        List<BatchUpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            known.add(airtable.seed("people", Map.of("email", "known" + i + "@example.com")).id());
            inputs.add(new BatchUpsertInput("known" + i, Map.of("email", "known" + i + "@example.com", "firstname",
                    "K" + i), known.get(i)));
        }
        for (int i = 0; i < 20; i++) {
            inputs.add(new BatchUpsertInput("new" + i, Map.of("email", "new" + i + "@example.com", "firstname", "N" + i),
                    null));
        }
        inputs.add(new BatchUpsertInput("anonymous", Map.of("firstname", "Nobody"), null));

        Map<String, UpsertOutcome> outcomes = adapter("mirror").batchUpsert("people", "email", inputs);

        assertThat(endpoints()).containsExactly(Endpoint.UPSERT, Endpoint.UPSERT, Endpoint.UPSERT, Endpoint.CREATE);
        List<Integer> sizes = new ArrayList<>();
        for (RecordedRequest request : airtable.requests()) {
            sizes.add(JSON.readTree(request.body()).get("records").size());
        }
        assertThat(sizes).containsExactly(10, 10, 3, 1);
        assertThat(outcomes).hasSize(24).allSatisfy((key, outcome) -> assertThat(outcome.isSuccess()).isTrue());
        for (int i = 0; i < 3; i++) {
            assertThat(outcomes.get("known" + i).crmId()).isEqualTo(known.get(i));
            assertThat(airtable.record("people", known.get(i)).orElseThrow().text("firstname")).isEqualTo("K" + i);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(airtable.record("people", outcomes.get("new" + i).crmId()).orElseThrow().text("email"))
                    .isEqualTo("new" + i + "@example.com");
        }
        assertThat(airtable.record("people", outcomes.get("anonymous").crmId()).orElseThrow().text("firstname"))
                .isEqualTo("Nobody");
        assertThat(airtable.count("people")).isEqualTo(24);
    }

    @Test
    void aFieldIdMergeKeyMapsBackByFieldId() {
        airtable.faults().reverseRecordOrder(true);
        String lead = AirtableProfile.LEAD_EMAIL;
        List<BatchUpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inputs.add(new BatchUpsertInput("lead" + i, Map.of(lead, "lead" + i + "@example.com", "name", "L" + i), null));
        }

        Map<String, UpsertOutcome> outcomes = adapter("mirror").batchUpsert("Leads", lead, inputs);

        assertThat(airtable.requests()).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("\"returnFieldsByFieldId\":true"));
        for (int i = 0; i < 5; i++) {
            assertThat(airtable.record("Leads", outcomes.get("lead" + i).crmId()).orElseThrow().text("name"))
                    .isEqualTo("L" + i);
        }
    }

    @Test
    void aRequestRefusedForOneRecordIsRetriedRecordByRecord() {
        airtable.faults().failRecordsWhere((table, cells) -> cells.getOrDefault("firstname", "").startsWith("Bad"));
        List<BatchUpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String firstName = i == 12 ? "Bad" + i : "Good" + i;
            inputs.add(new BatchUpsertInput("u" + i, Map.of("email", "u" + i + "@example.com", "firstname", firstName),
                    null));
        }

        Map<String, UpsertOutcome> outcomes = adapter("mirror").batchUpsert("people", "email", inputs);

        assertThat(outcomes.get("u12").error()).isInstanceOf(CrmValidationException.class)
                .satisfies(e -> assertThat(((CrmValidationException) e).category()).isEqualTo("INVALID_VALUE_FOR_COLUMN"));
        assertThat(outcomes.values()).filteredOn(UpsertOutcome::isSuccess).hasSize(14);
        // the first 10 in one request; the other 5 refused together, then sent one by one
        assertThat(airtable.requests(Endpoint.UPSERT)).extracting(RecordedRequest::status)
                .containsExactly(200, 422, 200, 200, 422, 200, 200);
        assertThat(airtable.count("people")).isEqualTo(14);
    }

    @Test
    void aVanishedRecordIdInABatchIsWrittenAgainByItsMergeField() {
        String kept = airtable.seed("people", Map.of("email", "kept@example.com")).id();

        Map<String, UpsertOutcome> outcomes = adapter("mirror").batchUpsert("people", "email", List.of(
                new BatchUpsertInput("kept", Map.of("email", "kept@example.com", "firstname", "Kept"), kept),
                new BatchUpsertInput("gone", Map.of("email", "gone@example.com"), "recGoneGoneGone01")));

        assertThat(outcomes.get("kept").crmId()).isEqualTo(kept);
        assertThat(airtable.record("people", outcomes.get("gone").crmId()).orElseThrow().text("email"))
                .isEqualTo("gone@example.com");
        assertThat(endpoints()).containsExactly(Endpoint.UPDATE_MANY, Endpoint.UPDATE, Endpoint.UPDATE, Endpoint.UPSERT);
    }

    @Test
    void aFailureOfTheCrmAsAWholeIsThrown() {
        airtable.faults().refuseCredentials(true);
        List<BatchUpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            inputs.add(new BatchUpsertInput("u" + i, Map.of("email", "u" + i + "@example.com"), null));
        }

        assertThatThrownBy(() -> adapter("mirror").batchUpsert("people", "email", inputs))
                .isInstanceOf(CrmUnauthorizedException.class)
                .satisfies(e -> assertThat(((CrmUnauthorizedException) e).category()).isEqualTo("AUTHENTICATION_REQUIRED"));
        assertThat(airtable.totalRequests()).as("no request after the token was refused").isEqualTo(1);
    }

    @Test
    void theBatchSynchronizerSyncsGoodRecordsAndFailsTheBadOne() {
        List<User> users = fixtures.users(12);
        User bad = fixtures.update(users.get(7), u -> u.firstName = "Bad");
        airtable.faults().failRecordsWhere((table, cells) -> "Bad".equals(cells.get("firstname")));

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("mirror").models(User.class).inline());

        assertThat(stats.perCrm().get("mirror").get("User")).isEqualTo(new BatchSyncStats.Counts(12, 1, 0));
        assertThat(airtable.count("people")).isEqualTo(11);
        assertThat(fixtures.syncRow("mirror", "User", bad.id).lastError).contains("INVALID_VALUE_FOR_COLUMN");
    }
}
