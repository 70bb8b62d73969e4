package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.adapter.UpsertOutcome;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.hubspot.sandbox.RecordedRequest;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** batchUpsert: one request per route and 100 inputs, outcomes mapped back by trace id, 207 isolated. */
@QuarkusTest
@PostgresTest
@TestProfile(HubSpotProfile.class)
class HubSpotBatchTest extends HubSpotTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachRecordGoesToTheRequestItsIdentityCallsFor() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            known.add(sandbox.seed("contacts", Map.of("email", "known" + i + "@example.com")).id());
        }
        List<BatchUpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inputs.add(new BatchUpsertInput("known" + i, Map.of("email", "known" + i + "@example.com", "firstname",
                    "K" + i), known.get(i)));
            inputs.add(new BatchUpsertInput("new" + i, Map.of("email", "New" + i + "@Example.com"), null));
        }
        inputs.add(new BatchUpsertInput("anonymous", Map.of("firstname", "Nobody"), null));

        Map<String, UpsertOutcome> outcomes = adapter("hubspot").batchUpsert("contacts", "email", inputs);

        assertThat(requestKinds()).containsExactly(EndpointKind.BATCH_UPDATE, EndpointKind.BATCH_UPSERT,
                EndpointKind.BATCH_CREATE);
        assertThat(outcomes).hasSize(7).allSatisfy((key, outcome) -> assertThat(outcome.isSuccess()).isTrue());
        for (int i = 0; i < 3; i++) {
            assertThat(outcomes.get("known" + i).crmId()).isEqualTo(known.get(i));
            assertThat(sandbox.object("contacts", known.get(i)).orElseThrow().properties()).containsEntry("firstname",
                    "K" + i);
            assertThat(sandbox.object("contacts", outcomes.get("new" + i).crmId()).orElseThrow().properties())
                    .containsEntry("email", "new" + i + "@example.com");
        }
        assertThat(sandbox.object("contacts", outcomes.get("anonymous").crmId()).orElseThrow().properties())
                .containsEntry("firstname", "Nobody");
        assertThat(sandbox.count("contacts")).isEqualTo(7);
    }

    @Test
    void batchesAreSentInRequestsOfAtMost100AndMappedBackWhateverTheAnswerOrder() throws Exception {
        List<BatchUpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            inputs.add(new BatchUpsertInput("user-" + i, Map.of("email", "user" + i + "@example.com"), null));
        }

        Map<String, UpsertOutcome> outcomes = adapter("hubspot").batchUpsert("contacts", "email", inputs);

        List<RecordedRequest> requests = sandbox.requests(EndpointKind.BATCH_UPSERT);
        assertThat(requests).hasSize(3);
        List<Integer> sizes = new ArrayList<>();
        for (RecordedRequest request : requests) {
            JsonNode body = JSON.readTree(request.body());
            sizes.add(body.get("inputs").size());
            body.get("inputs").forEach(input -> assertThat(input.get("objectWriteTraceId").asText()).isNotBlank());
        }
        assertThat(sizes).containsExactly(100, 100, 50);
        assertThat(outcomes).hasSize(250);
        for (int i = 0; i < 250; i++) {
            UpsertOutcome outcome = outcomes.get("user-" + i);
            assertThat(outcome.isSuccess()).isTrue();
            // the sandbox answers in reverse order: the trace id, not the position, maps the result
            assertThat(sandbox.object("contacts", outcome.crmId()).orElseThrow().properties())
                    .containsEntry("email", "user" + i + "@example.com");
        }
    }

    @Test
    void aPartialFailureIsolatesTheFailingRecordsOfEveryKindOfBatch() {
        sandbox.faults().failInputsWhere((type, properties) -> properties.getOrDefault("firstname", "").startsWith("Bad"));
        String known = sandbox.seed("contacts", Map.of("email", "known@example.com")).id();
        String knownBad = sandbox.seed("contacts", Map.of("email", "known.bad@example.com")).id();
        List<BatchUpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String firstName = i % 3 == 0 ? "Bad" + i : "Good" + i;
            inputs.add(new BatchUpsertInput("upsert" + i, Map.of("email", "u" + i + "@example.com", "firstname", firstName),
                    null));
            inputs.add(new BatchUpsertInput("create" + i, Map.of("firstname", firstName), null));
        }
        inputs.add(new BatchUpsertInput("update", Map.of("firstname", "Good"), known));
        inputs.add(new BatchUpsertInput("updateBad", Map.of("firstname", "Bad"), knownBad));

        Map<String, UpsertOutcome> outcomes = adapter("hubspot").batchUpsert("contacts", "email", inputs);

        assertThat(sandbox.statusCount(207)).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            for (String route : List.of("upsert", "create")) {
                UpsertOutcome outcome = outcomes.get(route + i);
                if (i % 3 == 0) {
                    assertThat(outcome.isSuccess()).isFalse();
                    assertThat(outcome.error()).isInstanceOf(CrmValidationException.class);
                    assertThat(outcome.error().category()).isEqualTo("VALIDATION_ERROR");
                } else {
                    assertThat(sandbox.object("contacts", outcome.crmId()).orElseThrow().properties())
                            .containsEntry("firstname", "Good" + i);
                }
            }
        }
        assertThat(outcomes.get("update").crmId()).isEqualTo(known);
        assertThat(outcomes.get("updateBad").error()).isInstanceOf(CrmValidationException.class);
        // 2 seeded + 2 routes x 6 good records
        assertThat(sandbox.count("contacts")).isEqualTo(14);
    }

    @Test
    void aVanishedCrmIdIsWrittenAgainByItsIdPropertyOrCreated() {
        Map<String, UpsertOutcome> outcomes = adapter("hubspot").batchUpsert("contacts", "email", List.of(
                new BatchUpsertInput("with-email", Map.of("email", "ada@example.com"), "987654"),
                new BatchUpsertInput("without", Map.of("firstname", "Nobody"), "987655")));

        assertThat(requestKinds()).containsExactly(EndpointKind.BATCH_UPDATE, EndpointKind.BATCH_UPSERT,
                EndpointKind.BATCH_CREATE);
        assertThat(sandbox.object("contacts", outcomes.get("with-email").crmId()).orElseThrow().properties())
                .containsEntry("email", "ada@example.com");
        assertThat(sandbox.object("contacts", outcomes.get("without").crmId()).orElseThrow().properties())
                .containsEntry("firstname", "Nobody");
    }

    @Test
    void theSameEmailTwiceInOneCallNeverMakesTwoContacts() {
        Map<String, UpsertOutcome> outcomes = adapter("hubspot").batchUpsert("contacts", "email", List.of(
                new BatchUpsertInput("a", Map.of("email", "ada@example.com", "firstname", "Ada"), null),
                new BatchUpsertInput("b", Map.of("email", "ADA@example.com", "lastname", "Lovelace"), null)));

        assertThat(sandbox.requests(EndpointKind.BATCH_UPSERT)).hasSize(2);
        assertThat(outcomes.get("a").crmId()).isNotNull().isEqualTo(outcomes.get("b").crmId());
        assertThat(sandbox.count("contacts")).isEqualTo(1);
        assertThat(sandbox.object("contacts", outcomes.get("a").crmId()).orElseThrow().properties())
                .containsEntry("firstname", "Ada").containsEntry("lastname", "Lovelace");
    }

    @Test
    void aBatchRefusedAsAWholeIsThrown() {
        sandbox.faults().failNext(1, 400);
        CrmAdapter hubspot = adapter("hubspot");

        assertThatThrownBy(() -> hubspot.batchUpsert("contacts", "email",
                List.of(new BatchUpsertInput("a", Map.of("email", "ada@example.com"), null),
                        new BatchUpsertInput("b", Map.of("email", "bob@example.com"), null))))
                .isInstanceOf(CrmValidationException.class)
                .satisfies(e -> assertThat(((CrmValidationException) e).status()).isEqualTo(400));
        assertThat(sandbox.count("contacts")).isZero();
    }

    @Test
    void aValueHubSpotCannotStoreFailsOnlyItsRecord() {
        Map<String, UpsertOutcome> outcomes = adapter("hubspot").batchUpsert("contacts", "email", List.of(
                new BatchUpsertInput("ok", Map.of("email", "ada@example.com"), null),
                new BatchUpsertInput("broken", Map.of("email", "bob@example.com", "nested", List.of(Map.of())), null)));

        assertThat(outcomes.get("ok").isSuccess()).isTrue();
        assertThat(outcomes.get("broken").error()).isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("nested");
        assertThat(sandbox.requests(EndpointKind.BATCH_UPSERT)).hasSize(1);
    }
}
