package io.quarkiverse.etlify.hubspot.sandbox;

import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.eqSearch;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SearchTest extends SandboxTestBase {

    private static final String SEARCH = "/crm/v3/objects/contacts/search";

    @BeforeEach
    void contacts() {
        sandbox.seed("contacts", Map.of("email", "ada@example.com", "firstname", "Ada", "lifecyclestage", "lead"));
        sandbox.seed("contacts", Map.of("email", "alan@example.com", "firstname", "Alan", "lifecyclestage", "customer"));
        sandbox.seed("contacts", Map.of("email", "grace@example.com", "firstname", "Grace", "lifecyclestage", "lead"));
        sandbox.seed("contacts", Map.of("email", "edsger@example.com", "firstname", "Edsger", "lifecyclestage", "lead"));
    }

    @Test
    void eqFiltersAndWithinAGroupAndOrBetweenGroups() {
        JsonNode and = client.post(SEARCH, eqSearch(List.of(List.of(
                new String[] { "lifecyclestage", "lead" }, new String[] { "firstname", "grace" })), 10, "0",
                "email")).json();
        assertThat(and.path("total").asInt()).isEqualTo(1);
        assertThat(and.path("results").get(0).path("properties").path("email").asText())
                .isEqualTo("grace@example.com");

        JsonNode or = client.post(SEARCH, eqSearch(List.of(
                List.<String[]>of(new String[] { "email", "ADA@example.com" }),
                List.<String[]>of(new String[] { "lifecyclestage", "customer" })), 10, "0", "firstname")).json();
        assertThat(or.path("results")).extracting(r -> r.path("properties").path("firstname").asText())
                .containsExactlyInAnyOrder("Ada", "Alan");
    }

    @Test
    void pagesWithAfter() {
        JsonNode first = client.post(SEARCH, eqSearch(List.of(List.<String[]>of(
                new String[] { "lifecyclestage", "lead" })), 2, "0", "email")).json();
        assertThat(first.path("total").asInt()).isEqualTo(3);
        assertThat(first.path("results")).hasSize(2);
        String after = first.path("paging").path("next").path("after").asText();
        assertThat(after).isNotEmpty();

        JsonNode second = client.post(SEARCH, eqSearch(List.of(List.<String[]>of(
                new String[] { "lifecyclestage", "lead" })), 2, after, "email")).json();
        assertThat(second.path("results")).hasSize(1);
        assertThat(second.path("paging").isMissingNode()).isTrue();
    }

    @Test
    void noMatchAndArchivedObjectsAreNotFound() {
        String id = sandbox.findBy("contacts", "email", "alan@example.com").orElseThrow().id();
        client.delete("/crm/v3/objects/contacts/" + id);
        JsonNode none = client.post(SEARCH, eqSearch(List.of(List.<String[]>of(
                new String[] { "lifecyclestage", "customer" })), 10, "0")).json();
        assertThat(none.path("total").asInt()).isZero();
        assertThat(none.path("results")).isEmpty();
        assertThat(sandbox.requestCount(EndpointKind.SEARCH)).isEqualTo(1);
    }
}
