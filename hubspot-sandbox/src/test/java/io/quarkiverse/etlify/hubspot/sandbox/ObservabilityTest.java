package io.quarkiverse.etlify.hubspot.sandbox;

import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.createBody;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.inputs;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.props;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.upsertInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class ObservabilityTest extends SandboxTestBase {

    @Test
    void responsesAreNotHeldByNagle() {
        // the JDK server reads the switch once, at its first use: a sandbox has started, so it is read
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }

    @Test
    void requestsAreRecordedWithoutTheToken() {
        client.post("/crm/v3/objects/contacts", createBody(props("email", "log@example.com")));
        client.get("/crm/v3/objects/contacts/log@example.com?idProperty=email");

        List<RecordedRequest> requests = sandbox.requests();
        assertThat(requests).hasSize(2);
        RecordedRequest create = requests.get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/crm/v3/objects/contacts");
        assertThat(create.kind()).isEqualTo(EndpointKind.CREATE);
        assertThat(create.objectType()).isEqualTo("contacts");
        assertThat(create.body()).contains("log@example.com");
        assertThat(create.status()).isEqualTo(201);
        assertThat(create.authenticated()).isTrue();
        assertThat(create.tokenHint()).isNotNull().doesNotContain(TOKEN).endsWith(TOKEN.substring(TOKEN.length() - 4));
        assertThat(create.timestamp()).isNotNull();
        assertThat(requests.get(1).query()).isEqualTo("idProperty=email");
        assertThat(requests.get(1).kind()).isEqualTo(EndpointKind.READ);
        assertThat(requests).allSatisfy(r -> assertThat(r.toString()).doesNotContain(TOKEN));
    }

    @Test
    void countersByStatusAndEndpointKind() {
        client.post("/crm/v3/objects/contacts", createBody(props("email", "a@example.com")));
        client.post("/crm/v3/objects/contacts", createBody(props("email", "a@example.com")));
        client.post("/crm/v3/objects/contacts/batch/upsert", inputs(List.of(
                upsertInput("email", "b@example.com", null, props("firstname", "B")))));
        client.get("/crm/v3/objects/contacts/1?idProperty=hs_object_id");

        assertThat(sandbox.totalRequests()).isEqualTo(4);
        assertThat(sandbox.requestCount(EndpointKind.CREATE)).isEqualTo(2);
        assertThat(sandbox.requestCount(EndpointKind.BATCH_UPSERT)).isEqualTo(1);
        assertThat(sandbox.requestCount(EndpointKind.READ)).isEqualTo(1);
        assertThat(sandbox.requestCount(EndpointKind.SEARCH)).isZero();
        assertThat(sandbox.statusCount(201)).isEqualTo(1);
        assertThat(sandbox.statusCount(409)).isEqualTo(1);
        assertThat(sandbox.statusCount(200)).isEqualTo(1);
        assertThat(sandbox.statusCount(404)).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsEntry(EndpointKind.CREATE, 2L);
        assertThat(sandbox.requests(EndpointKind.CREATE)).hasSize(2);
    }

    @Test
    void objectAccessAndReset() {
        CrmObject seeded = sandbox.seed(SUBSCRIPTIONS, Map.of("subscription_id", "S-1", "plan", "gold"));
        assertThat(seeded.id()).matches("\\d+");
        assertThat(seeded.property("hs_object_id")).isEqualTo(seeded.id());
        assertThat(sandbox.objects(SUBSCRIPTIONS)).singleElement()
                .satisfies(o -> assertThat(o.properties()).containsEntry("plan", "gold"));
        assertThat(sandbox.findBy(SUBSCRIPTIONS, "plan", "gold")).isPresent();
        assertThat(sandbox.findBy(SUBSCRIPTIONS, "subscription_id", "s-1")).as("case-sensitive by default").isEmpty();
        assertThatThrownBy(() -> sandbox.seed(SUBSCRIPTIONS, Map.of("subscription_id", "S-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(seeded.id());
        assertThatThrownBy(() -> sandbox.objects(SUBSCRIPTIONS).get(0).properties().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);

        client.get("/crm/v3/objects/" + SUBSCRIPTIONS + "?limit=1");
        sandbox.reset();
        assertThat(sandbox.count(SUBSCRIPTIONS)).isZero();
        assertThat(sandbox.requests()).isEmpty();
        assertThat(sandbox.totalRequests()).isZero();
    }

    @Test
    void concurrentUpsertsOfTheSameValuesNeverDuplicate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                calls.add(() -> client.post("/crm/v3/objects/contacts/batch/upsert", inputs(List.of(
                        upsertInput("email", "same1@example.com", null, props("firstname", "X")),
                        upsertInput("email", "same2@example.com", null, props("firstname", "Y"))))).status());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.count("contacts")).isEqualTo(2);
        assertThat(sandbox.requestCount(EndpointKind.BATCH_UPSERT)).isEqualTo(12);
    }

    @Test
    void unknownPathsAreNotFound() {
        SandboxClient.Reply reply = client.get("/crm/v3/properties/contacts");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(sandbox.requests()).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(EndpointKind.OTHER));
        assertThat(sandbox.contractViolations()).as("outside the emulated API, not a contract matter").isEmpty();
    }
}
