package io.quarkiverse.etlify.hubspot.sandbox;

import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.createBody;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SandboxTestBase {

    @Test
    void serverErrorBurstThenRecovery() {
        sandbox.faults().failNext(2, 502).failNext(1, 503);
        assertThat(client.post("/crm/v3/objects/contacts", createBody(props("email", "a@example.com"))).status())
                .isEqualTo(502);
        assertThat(client.post("/crm/v3/objects/contacts", createBody(props("email", "a@example.com"))).status())
                .isEqualTo(502);
        assertThat(client.post("/crm/v3/objects/contacts", createBody(props("email", "a@example.com"))).status())
                .isEqualTo(503);
        assertThat(sandbox.count("contacts")).as("failed requests change nothing").isZero();
        assertThat(client.post("/crm/v3/objects/contacts", createBody(props("email", "a@example.com"))).status())
                .isEqualTo(201);
        assertThat(sandbox.statusCount(502)).isEqualTo(2);
        assertThat(sandbox.statusCount(503)).isEqualTo(1);
    }

    @Test
    void droppedConnectionSurfacesAsIOException() throws IOException {
        sandbox.faults().dropNext(1);
        assertThatThrownBy(() -> client.sendOrThrow("POST", "/crm/v3/objects/contacts",
                createBody(props("email", "drop@example.com")))).isInstanceOf(IOException.class);
        assertThat(sandbox.count("contacts")).isZero();
        assertThat(sandbox.requests()).singleElement().satisfies(r -> assertThat(r.dropped()).isTrue());

        assertThat(client.sendOrThrow("POST", "/crm/v3/objects/contacts",
                createBody(props("email", "drop@example.com"))).status()).isEqualTo(201);
    }

    @Test
    void latencyDelaysAnswers() throws IOException {
        sandbox.faults().latencyNext(1, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(client.get("/crm/v3/objects/contacts?limit=1").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        sandbox.faults().latency(Duration.ofMillis(400));
        assertThatThrownBy(() -> client.sendOrThrow("GET", "/crm/v3/objects/contacts?limit=1", null,
                Duration.ofMillis(100))).isInstanceOf(HttpTimeoutException.class);
        sandbox.faults().clear();
        assertThat(client.get("/crm/v3/objects/contacts?limit=1").status()).isEqualTo(200);

        // The timed-out request is still being delayed on the server; let it finish so it cannot leak into the
        // next test's request log.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> sandbox.totalRequests() >= 3);
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactlyInAnyOrder(200, 200, 200);
    }

    @Test
    void injectedInputFailureOnASingleObjectIsAValidationError() {
        sandbox.faults().failInputsWhere((type, properties) -> type.equals("contacts")
                && properties.getOrDefault("email", "").endsWith("@invalid.test"), "Email address is invalid");
        SandboxClient.Reply rejected = client.post("/crm/v3/objects/contacts",
                createBody(props("email", "x@invalid.test")));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().path("category").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(rejected.json().path("message").asText()).isEqualTo("Email address is invalid");
        assertThat(client.post("/crm/v3/objects/companies", createBody(props("name", "x@invalid.test"))).status())
                .isEqualTo(201);

        sandbox.faults().clear();
        assertThat(client.post("/crm/v3/objects/contacts", createBody(props("email", "x@invalid.test"))).status())
                .isEqualTo(201);
    }

    @Test
    void resetClearsFaults() {
        sandbox.faults().failNext(5, 500);
        sandbox.reset();
        assertThat(client.get("/crm/v3/objects/contacts?limit=1").status()).isEqualTo(200);
    }
}
