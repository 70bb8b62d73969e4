package io.quarkiverse.etlify.hubspot.sandbox;

import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.JSON;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.createBody;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.createInput;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.eqSearch;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.inputs;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.props;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.updateBody;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.upsertInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

class ContractTest extends SandboxTestBase {

    @Test
    void numericPropertyValueIsAViolation() {
        ObjectNode body = createBody(props("email", "n@example.com"));
        ((ObjectNode) body.path("properties")).put("age", 42);
        SandboxClient.Reply reply = client.post("/crm/v3/objects/contacts", body);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("/properties/age");
        assertThat(sandbox.contractViolations()).singleElement().satisfies(v -> {
            assertThat(v.method()).isEqualTo("POST");
            assertThat(v.path()).isEqualTo("/crm/v3/objects/contacts");
            assertThat(v.body()).contains("\"age\":42");
            assertThat(v.messages()).anyMatch(m -> m.contains("validation.request.body.schema.type"));
        });
        assertThat(sandbox.count("contacts")).isZero();
    }

    @Test
    void customObjectsAreValidatedAgainstTheGenericContract() {
        SandboxClient.Reply reply = client.post("/crm/v3/objects/" + SUBSCRIPTIONS + "/batch/upsert",
                "{\"inputs\":[{\"id\":\"SUB-1\",\"idProperty\":\"subscription_id\",\"properties\":{\"active\":true}}]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(sandbox.contractViolations()).hasSize(1);
        assertThat(ContractValidator.contractFor("/crm/v3/objects/" + SUBSCRIPTIONS + "/batch/upsert"))
                .isEqualTo("objects.json");
        assertThat(ContractValidator.contractFor("/crm/v3/objects/contacts/batch/upsert")).isEqualTo("contacts.json");
        assertThat(ContractValidator.contractFor("/crm/v3/objects/deals")).isEqualTo("deals.json");
        assertThat(ContractValidator.contractFor("/crm/v3/objects/0-3/batch/read")).isEqualTo("deals.json");
        assertThat(ContractValidator.contractFor("/crm/v3/objects/0-1/42")).isEqualTo("contacts.json");
        assertThat(ContractValidator.contractFor("/crm/v3/objects/contactsx")).isEqualTo("objects.json");
    }

    @Test
    void unknownFieldsMissingFieldsAndUnknownOperatorsAreViolations() {
        ObjectNode unknownField = createBody(props("name", "Acme"));
        unknownField.put("propertiez", "oops");
        assertThat(client.post("/crm/v3/objects/companies", unknownField).status()).isEqualTo(400);

        assertThat(client.post("/crm/v3/objects/companies", updateBody(props("name", "Acme"))).status())
                .as("associations is required on create").isEqualTo(400);

        ObjectNode search = eqSearch(List.of(List.<String[]>of(new String[] { "name", "Acme" })), 10, "0");
        ((ObjectNode) search.path("filterGroups").get(0).path("filters").get(0)).put("operator", "EQUALS");
        assertThat(client.post("/crm/v3/objects/companies/search", search).status()).isEqualTo(400);

        assertThat(client.get("/crm/v3/objects/companies?limit=ten").status()).isEqualTo(400);
        assertThat(client.send("PUT", "/crm/v3/objects/companies/1", updateBody(props("name", "x"))).status())
                .isEqualTo(405);

        assertThat(sandbox.contractViolations()).hasSize(5);
        assertThat(sandbox.count("companies")).isZero();
    }

    @Test
    void conformingRequestsProduceNoViolationsAndContractShapedAnswers() {
        String contact = client.post("/crm/v3/objects/contacts", createBody(props("email", "c@example.com")))
                .json().path("id").asText();
        client.get("/crm/v3/objects/contacts/" + contact + "?properties=email&archived=false");
        client.get("/crm/v3/objects/contacts/c@example.com?idProperty=email");
        client.patch("/crm/v3/objects/contacts/" + contact, updateBody(props("firstname", "C")));
        client.get("/crm/v3/objects/contacts?limit=5&properties=email");
        client.post("/crm/v3/objects/contacts/batch/create", inputs(List.of(createInput("t", props("email", "d@example.com")))));
        client.post("/crm/v3/objects/contacts/batch/upsert", inputs(List.of(
                upsertInput("email", "e@example.com", "u1", props("firstname", "E")))));
        client.post("/crm/v3/objects/contacts/batch/update", inputs(List.of(
                upsertInput(null, contact, "u2", props("lastname", "Z")),
                upsertInput(null, "999999", "u3", props("lastname", "Z")))));
        ObjectNode read = JSON.createObjectNode();
        read.putArray("inputs").add(JSON.createObjectNode().put("id", contact));
        read.putArray("properties").add("email");
        read.putArray("propertiesWithHistory");
        client.post("/crm/v3/objects/contacts/batch/read", read);
        client.post("/crm/v3/objects/contacts/search", eqSearch(List.of(List.<String[]>of(
                new String[] { "email", "c@example.com" })), 1, "0", "email"));
        client.post("/crm/v3/objects/" + SUBSCRIPTIONS, createBody(props("subscription_id", "S1")));
        client.post("/crm/v3/objects/" + SUBSCRIPTIONS, createBody(props("subscription_id", "S1")));
        client.get("/crm/v3/objects/" + SUBSCRIPTIONS + "/12345678");
        client.post("/crm/v3/objects/deals/batch/archive", inputs(List.of(JSON.createObjectNode().put("id", "1"))));
        client.delete("/crm/v3/objects/contacts/" + contact);

        assertThat(sandbox.contractViolations()).isEmpty();
        assertThat(sandbox.statusCounts()).containsKeys(200, 201, 204, 207, 404, 409);
        assertThat(client.responseProblems()).isEmpty();
    }

    @Test
    void responseValidationCatchesNonConformingAnswers() {
        ContractValidator validator = ContractValidator.bundled();
        String object = "{\"id\":\"1\",\"properties\":{\"a\":\"b\"},\"createdAt\":\"2024-01-01T00:00:00.000Z\","
                + "\"updatedAt\":\"2024-01-01T00:00:00.000Z\",\"archived\":false";
        assertThat(validator.validateResponse("POST", "/crm/v3/objects/contacts", 201, "application/json",
                object + "}")).isEmpty();
        assertThat(validator.validateResponse("POST", "/crm/v3/objects/contacts", 201, "application/json",
                object + ",\"extra\":1}")).isNotEmpty();
        assertThat(validator.validateResponse("GET", "/crm/v3/objects/p1_x/1", 200, "application/json",
                "{\"id\":\"1\",\"properties\":{\"a\":1}}")).isNotEmpty();
        assertThat(validator.validateResponse("GET", "/crm/v3/objects/p1_x/1", 404, "application/json",
                "{\"message\":\"x\",\"correlationId\":\"" + UUID.randomUUID() + "\"}"))
                .as("category is required in errors").isNotEmpty();
    }

    @Test
    void validationCanBeSwitchedOff() {
        try (HubSpotSandbox lax = HubSpotSandbox.builder().validateContracts(false).noRateLimits().build().start()) {
            SandboxClient anyToken = new SandboxClient(lax, "whatever-token");
            SandboxClient.Reply created = anyToken.post("/crm/v3/objects/contacts",
                    JSON.valueToTree(Map.of("properties", Map.of("email", "z@example.com", "age", 7))));
            assertThat(created.status()).isEqualTo(201);
            assertThat(lax.findBy("contacts", "email", "z@example.com")).get()
                    .satisfies(o -> assertThat(o.property("age")).isEqualTo("7"));
            assertThat(lax.contractViolations()).isEmpty();
        }
    }

    @Test
    void recordedRequestsCanBeCheckedAfterwards() {
        try (HubSpotSandbox lax = HubSpotSandbox.builder().validateContracts(false).noRateLimits().build().start()) {
            SandboxClient anyToken = new SandboxClient(lax, "whatever-token");
            assertThat(anyToken.post("/crm/v3/objects/contacts", createBody(props("email", "ok@example.com"))).status())
                    .isEqualTo(201);
            assertThat(anyToken.post("/crm/v3/objects/contacts",
                    JSON.valueToTree(Map.of("properties", Map.of("email", "z@example.com", "age", 7)))).status())
                    .as("accepted as it arrived").isEqualTo(201);
            assertThat(anyToken.post("/crm/v3/objects/contacts/batch/upsert",
                    inputs(List.of(upsertInput("email", "u@example.com", null, props("firstname", "U"))))).status())
                    .isEqualTo(200);
            assertThat(anyToken.get("/crm/v3/objects/contacts?limit=2&archived=false").status()).isEqualTo(200);
            assertThat(anyToken.post("/crm/v3/objects/contacts/batch/upsert",
                    "{\"inputs\":[{\"id\":\"v@example.com\",\"idProperty\":\"email\",\"properties\":{\"age\":8}}]}")
                    .status()).as("accepted as it arrived").isEqualTo(200);

            assertThat(lax.contractViolations()).isEmpty();
            assertThat(lax.checkRecordedRequests()).satisfiesExactly(
                    v -> {
                        assertThat(v.body()).contains("\"age\":7");
                        assertThat(v.messages()).anyMatch(m -> m.contains("/properties/age"));
                    },
                    v -> {
                        assertThat(v.path()).isEqualTo("/crm/v3/objects/contacts/batch/upsert");
                        assertThat(v.messages()).anyMatch(m -> m.contains("/inputs/0/properties/age"));
                    });
        }
    }
}
