package io.quarkiverse.etlify.hubspot.sandbox;

import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.JSON;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.createInput;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.inputs;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.props;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.upsertInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class BatchTest extends SandboxTestBase {

    private static final String UPSERT = "/crm/v3/objects/" + SUBSCRIPTIONS + "/batch/upsert";

    @Test
    void upsertCreatesThenUpdates() {
        ObjectNode batch = inputs(List.of(
                upsertInput("subscription_id", "SUB-1", "t1", props("plan", "gold")),
                upsertInput("subscription_id", "SUB-2", "t2", props("plan", "silver"))));
        SandboxClient.Reply first = client.post(UPSERT, batch);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asText()).isEqualTo("COMPLETE");
        assertThat(first.json().path("results")).allSatisfy(r -> assertThat(r.path("new").asBoolean()).isTrue());
        assertThat(sandbox.count(SUBSCRIPTIONS)).isEqualTo(2);
        assertThat(sandbox.findBy(SUBSCRIPTIONS, "subscription_id", "SUB-1")).get()
                .satisfies(o -> assertThat(o.property("plan")).isEqualTo("gold"));

        SandboxClient.Reply second = client.post(UPSERT, inputs(List.of(
                upsertInput("subscription_id", "SUB-1", "t3", props("plan", "platinum")),
                upsertInput("subscription_id", "SUB-3", "t4", props("plan", "bronze")))));
        assertThat(second.status()).isEqualTo(200);
        Map<String, Boolean> newByTrace = new HashMap<>();
        second.json().path("results").forEach(r -> newByTrace.put(r.path("objectWriteTraceId").asText(),
                r.path("new").asBoolean()));
        assertThat(newByTrace).containsExactlyInAnyOrderEntriesOf(Map.of("t3", false, "t4", true));
        assertThat(sandbox.count(SUBSCRIPTIONS)).isEqualTo(3);
        assertThat(sandbox.findBy(SUBSCRIPTIONS, "subscription_id", "SUB-1")).get()
                .satisfies(o -> assertThat(o.property("plan")).isEqualTo("platinum"));
        assertThat(sandbox.requestCount(EndpointKind.BATCH_UPSERT)).isEqualTo(2);
    }

    @Test
    void upsertContactsByEmailIgnoresCase() {
        String id = sandbox.seed("contacts", Map.of("email", "joan@example.com")).id();
        JsonNode result = client.post("/crm/v3/objects/contacts/batch/upsert", inputs(List.of(
                upsertInput("email", "JOAN@example.com", null, props("firstname", "Joan"))))).json()
                .path("results").get(0);
        assertThat(result.path("id").asText()).isEqualTo(id);
        assertThat(result.path("new").asBoolean()).isFalse();
        assertThat(sandbox.count("contacts")).isEqualTo(1);
    }

    @Test
    void upsertRejectsAnIdPropertyThatIsNotUnique() {
        SandboxClient.Reply rejected = client.post(UPSERT,
                inputs(List.of(upsertInput("plan", "gold", null, props("subscription_id", "SUB-1")))));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(rejected.json().path("message").asText()).contains("\"plan\"");
        assertThat(sandbox.count(SUBSCRIPTIONS)).isZero();
        assertThat(sandbox.contractViolations()).as("a business rule, not a contract violation").isEmpty();
    }

    @Test
    void upsertRejectsDuplicateIdsInOneBatch() {
        SandboxClient.Reply rejected = client.post("/crm/v3/objects/contacts/batch/upsert", inputs(List.of(
                upsertInput("email", "a@example.com", null, props("firstname", "A")),
                upsertInput("email", "A@example.com", null, props("firstname", "B")))));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("message").asText()).startsWith("Duplicate IDs found in batch input");
        assertThat(sandbox.count("contacts")).isZero();
    }

    @Test
    void resultsComeBackOutOfInputOrderWithTheirTraceIds() {
        List<ObjectNode> batch = new ArrayList<>();
        List<String> traceIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(createInput("trace-" + i, props("email", "user" + i + "@example.com")));
            traceIds.add("trace-" + i);
        }
        SandboxClient.Reply created = client.post("/crm/v3/objects/contacts/batch/create", inputs(batch));
        assertThat(created.status()).isEqualTo(201);
        List<String> echoed = new ArrayList<>();
        for (JsonNode result : created.json().path("results")) {
            echoed.add(result.path("objectWriteTraceId").asText());
            String index = result.path("objectWriteTraceId").asText().substring("trace-".length());
            assertThat(result.path("properties").path("email").asText()).isEqualTo("user" + index + "@example.com");
        }
        assertThat(echoed).containsExactlyInAnyOrderElementsOf(traceIds).isNotEqualTo(traceIds);
        assertThat(sandbox.count("contacts")).isEqualTo(5);
    }

    @Test
    void injectedInputFailuresGiveAMultiStatusAnswer() {
        sandbox.faults().failInputsWhere((type, properties) -> "bad".equals(properties.get("plan")));
        SandboxClient.Reply reply = client.post(UPSERT, inputs(List.of(
                upsertInput("subscription_id", "SUB-1", "ok-1", props("plan", "gold")),
                upsertInput("subscription_id", "SUB-2", "ko-1", props("plan", "bad")),
                upsertInput("subscription_id", "SUB-3", "ok-2", props("plan", "silver")))));

        assertThat(reply.status()).isEqualTo(207);
        JsonNode body = reply.json();
        assertThat(body.path("results")).hasSize(2);
        assertThat(body.path("numErrors").asInt()).isEqualTo(1);
        JsonNode error = body.path("errors").get(0);
        assertThat(error.path("status").asText()).isEqualTo("error");
        assertThat(error.path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.path("context").path("objectWriteTraceId").get(0).asText()).isEqualTo("ko-1");
        assertThat(sandbox.findBy(SUBSCRIPTIONS, "subscription_id", "SUB-2")).isEmpty();
        assertThat(sandbox.count(SUBSCRIPTIONS)).isEqualTo(2);
    }

    @Test
    void updateWithUnknownIdsReportsThemPerInput() {
        String known = sandbox.seed("deals", Map.of("dealname", "Known")).id();
        ObjectNode update = inputs(List.of(
                upsertInput(null, known, "t-known", props("amount", "100")),
                upsertInput(null, "424242", "t-unknown", props("amount", "5"))));
        SandboxClient.Reply reply = client.post("/crm/v3/objects/deals/batch/update", update);
        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().path("results")).hasSize(1);
        JsonNode error = reply.json().path("errors").get(0);
        assertThat(error.path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(error.path("context").path("ids").get(0).asText()).isEqualTo("424242");
        assertThat(sandbox.object("deals", known)).get().satisfies(o -> assertThat(o.property("amount")).isEqualTo("100"));
    }

    @Test
    void createConflictsArePerInput() {
        String existing = sandbox.seed("contacts", Map.of("email", "taken@example.com")).id();
        SandboxClient.Reply reply = client.post("/crm/v3/objects/contacts/batch/create", inputs(List.of(
                createInput("t-taken", props("email", "TAKEN@example.com")),
                createInput("t-free", props("email", "free@example.com")))));
        assertThat(reply.status()).isEqualTo(207);
        JsonNode error = reply.json().path("errors").get(0);
        assertThat(error.path("category").asText()).isEqualTo("CONFLICT");
        assertThat(error.path("message").asText()).isEqualTo("Contact already exists. Existing ID: " + existing);
        assertThat(error.path("context").path("objectWriteTraceId").get(0).asText()).isEqualTo("t-taken");
        assertThat(sandbox.count("contacts")).isEqualTo(2);
    }

    @Test
    void readAndArchiveInBatches() {
        String a = sandbox.seed("companies", Map.of("name", "A", "domain", "a.example")).id();
        String b = sandbox.seed("companies", Map.of("name", "B")).id();
        ObjectNode read = JSON.createObjectNode();
        read.putArray("inputs").add(JSON.createObjectNode().put("id", a)).add(JSON.createObjectNode().put("id", b))
                .add(JSON.createObjectNode().put("id", "777"));
        read.putArray("properties").add("name");
        read.putArray("propertiesWithHistory");
        SandboxClient.Reply reply = client.post("/crm/v3/objects/companies/batch/read", read);
        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().path("results")).extracting(r -> r.path("properties").path("name").asText())
                .containsExactlyInAnyOrder("A", "B");
        assertThat(reply.json().path("errors").get(0).path("context").path("ids").get(0).asText()).isEqualTo("777");

        ObjectNode archive = JSON.createObjectNode();
        archive.putArray("inputs").add(JSON.createObjectNode().put("id", a)).add(JSON.createObjectNode().put("id", "777"));
        assertThat(client.post("/crm/v3/objects/companies/batch/archive", archive).status()).isEqualTo(204);
        assertThat(sandbox.objects("companies")).extracting(CrmObject::id).containsExactly(b);
    }

    @Test
    void moreThanOneHundredInputsViolateTheContract() {
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            batch.add(createInput(null, props("email", "bulk" + i + "@example.com")));
        }
        SandboxClient.Reply reply = client.post("/crm/v3/objects/contacts/batch/create", inputs(batch));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(sandbox.contractViolations()).singleElement()
                .satisfies(v -> assertThat(v.messages()).anyMatch(m -> m.contains("101")));
        assertThat(sandbox.count("contacts")).isZero();

        assertThat(client.post("/crm/v3/objects/contacts/batch/create", inputs(batch.subList(0, 100))).status())
                .isEqualTo(201);
        assertThat(sandbox.count("contacts")).isEqualTo(100);
        assertThat(sandbox.contractViolations()).hasSize(1);
    }
}
