package io.quarkiverse.etlify.hubspot.sandbox;

import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.createBody;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.props;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.updateBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CrudTest extends SandboxTestBase {

    @Test
    void contactLifecycle() {
        SandboxClient.Reply created = client.post("/crm/v3/objects/contacts",
                createBody(props("email", "ada@example.com", "firstname", "Ada", "lastname", "Lovelace")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode contact = created.json();
        String id = contact.path("id").asText();
        assertThat(id).matches("\\d+");
        assertThat(contact.path("archived").asBoolean()).isFalse();
        assertThat(contact.path("properties").path("hs_object_id").asText()).isEqualTo(id);
        assertThat(contact.path("properties").path("createdate").asText()).isNotEmpty();
        assertThat(contact.path("properties").path("lastmodifieddate").asText()).isNotEmpty();
        assertThat(contact.path("createdAt").asText()).endsWith("Z");

        JsonNode read = client.get("/crm/v3/objects/contacts/" + id).json();
        assertThat(read.path("properties").path("firstname").asText()).isEqualTo("Ada");

        SandboxClient.Reply patched = client.patch("/crm/v3/objects/contacts/" + id,
                updateBody(props("firstname", "Augusta", "lastname", "")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("properties").path("firstname").asText()).isEqualTo("Augusta");
        assertThat(patched.json().path("properties").has("lastname")).as("\"\" clears a property").isFalse();
        assertThat(patched.json().path("updatedAt").asText())
                .isGreaterThan(contact.path("updatedAt").asText());
        assertThat(sandbox.findBy("contacts", "email", "ada@example.com")).get()
                .satisfies(o -> assertThat(o.property("lastname")).isNull());

        assertThat(client.delete("/crm/v3/objects/contacts/" + id).status()).isEqualTo(204);
        SandboxClient.Reply gone = client.get("/crm/v3/objects/contacts/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("category").asText()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(client.get("/crm/v3/objects/contacts/" + id + "?archived=true").json().path("archived")
                .asBoolean()).isTrue();
        assertThat(sandbox.count("contacts")).isZero();
        assertThat(sandbox.archivedObjects("contacts")).hasSize(1);
    }

    @Test
    void customObjectLifecycleByUniqueProperty() {
        SandboxClient.Reply created = client.post("/crm/v3/objects/" + SUBSCRIPTIONS,
                createBody(props("subscription_id", "SUB-1", "plan", "gold")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();

        SandboxClient.Reply byValue = client.get("/crm/v3/objects/" + SUBSCRIPTIONS
                + "/SUB-1?idProperty=subscription_id&properties=plan,subscription_id");
        assertThat(byValue.status()).isEqualTo(200);
        assertThat(byValue.json().path("id").asText()).isEqualTo(id);
        assertThat(byValue.json().path("properties").path("plan").asText()).isEqualTo("gold");

        SandboxClient.Reply patched = client.patch("/crm/v3/objects/" + SUBSCRIPTIONS
                + "/SUB-1?idProperty=subscription_id", updateBody(props("plan", "platinum")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(sandbox.object(SUBSCRIPTIONS, id)).get()
                .satisfies(o -> assertThat(o.property("plan")).isEqualTo("platinum"));

        assertThat(client.delete("/crm/v3/objects/" + SUBSCRIPTIONS + "/" + id).status()).isEqualTo(204);
        assertThat(client.delete("/crm/v3/objects/" + SUBSCRIPTIONS + "/" + id).status()).isEqualTo(404);
        assertThat(client.patch("/crm/v3/objects/" + SUBSCRIPTIONS + "/999999", updateBody(props("plan", "x")))
                .status()).isEqualTo(404);
        assertThat(sandbox.count(SUBSCRIPTIONS)).isZero();
    }

    @Test
    void readsReturnRequestedOrDefaultPropertiesOnly() {
        String id = client.post("/crm/v3/objects/" + SUBSCRIPTIONS,
                createBody(props("subscription_id", "SUB-9", "plan", "gold"))).json().path("id").asText();

        JsonNode defaults = client.get("/crm/v3/objects/" + SUBSCRIPTIONS + "/" + id).json().path("properties");
        assertThat(defaults.has("plan")).isFalse();
        assertThat(defaults.path("hs_object_id").asText()).isEqualTo(id);

        JsonNode requested = client.get("/crm/v3/objects/" + SUBSCRIPTIONS + "/" + id + "?properties=plan")
                .json().path("properties");
        assertThat(requested.path("plan").asText()).isEqualTo("gold");
        assertThat(requested.has("subscription_id")).isFalse();
    }

    @Test
    void duplicateEmailIsAConflictRegardlessOfCase() {
        String id = client.post("/crm/v3/objects/contacts", createBody(props("email", "grace@example.com")))
                .json().path("id").asText();

        SandboxClient.Reply duplicate = client.post("/crm/v3/objects/contacts",
                createBody(props("email", "Grace@Example.COM")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("category").asText()).isEqualTo("CONFLICT");
        assertThat(duplicate.json().path("message").asText()).isEqualTo("Contact already exists. Existing ID: " + id);
        assertThat(duplicate.json().path("status").asText()).isEqualTo("error");
        assertThat(duplicate.json().path("correlationId").asText()).isNotEmpty();
        assertThat(sandbox.count("contacts")).isEqualTo(1);
        assertThat(sandbox.findBy("contacts", "email", "GRACE@example.com")).get()
                .satisfies(o -> assertThat(o.id()).isEqualTo(id));
    }

    @Test
    void patchThatWouldDuplicateAUniqueValueIsAConflict() {
        client.post("/crm/v3/objects/contacts", createBody(props("email", "one@example.com")));
        String second = client.post("/crm/v3/objects/contacts", createBody(props("email", "two@example.com")))
                .json().path("id").asText();

        SandboxClient.Reply conflict = client.patch("/crm/v3/objects/contacts/" + second,
                updateBody(props("email", "ONE@example.com")));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(sandbox.object("contacts", second)).get()
                .satisfies(o -> assertThat(o.property("email")).isEqualTo("two@example.com"));
    }

    @Test
    void readByEmailAndRejectNonUniqueIdProperty() {
        String id = client.post("/crm/v3/objects/contacts", createBody(props("email", "linus@example.com")))
                .json().path("id").asText();

        assertThat(client.get("/crm/v3/objects/contacts/LINUS@example.com?idProperty=email").json().path("id")
                .asText()).isEqualTo(id);
        SandboxClient.Reply rejected = client.get("/crm/v3/objects/contacts/Linus?idProperty=firstname");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(rejected.json().path("message").asText()).contains("firstname");
        assertThat(client.get("/crm/v3/objects/contacts/nobody@example.com?idProperty=email").status())
                .isEqualTo(404);
    }

    @Test
    void hsObjectIdIsReadOnly() {
        SandboxClient.Reply rejected = client.post("/crm/v3/objects/contacts",
                createBody(props("email", "x@example.com", "hs_object_id", "5")));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("message").asText()).contains("READ_ONLY_VALUE");
        assertThat(sandbox.count("contacts")).isZero();
    }

    @Test
    void listPagesThroughObjects() {
        for (int i = 0; i < 5; i++) {
            sandbox.seed("deals", Map.of("dealname", "Deal " + i));
        }
        JsonNode first = client.get("/crm/v3/objects/deals?limit=3").json();
        assertThat(first.path("results")).hasSize(3);
        String after = first.path("paging").path("next").path("after").asText();
        JsonNode second = client.get("/crm/v3/objects/deals?limit=3&after=" + after).json();
        assertThat(second.path("results")).hasSize(2);
        assertThat(second.path("paging").isMissingNode()).isTrue();
        assertThat(second.path("results").get(1).path("properties").path("dealname").asText()).isEqualTo("Deal 4");
    }

    @Test
    void standardObjectTypeIdsAddressTheSameObjects() {
        String id = client.post("/crm/v3/objects/0-2", createBody(props("name", "Acme"))).json().path("id").asText();
        assertThat(client.get("/crm/v3/objects/companies/" + id).json().path("properties").path("name").asText())
                .isEqualTo("Acme");
        assertThat(sandbox.count("companies")).isEqualTo(1);
    }
}
