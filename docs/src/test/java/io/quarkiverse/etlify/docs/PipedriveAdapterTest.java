package io.quarkiverse.etlify.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.acme.adapter.PipedriveAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.etlify.adapter.CrmAmbiguousWriteException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;

/** The custom adapter example against a local HTTP server answering as its Javadoc says the CRM does. */
class PipedriveAdapterTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"success\":true,\"data\":{\"id\":42}}";
    private HttpServer server;
    private PipedriveAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("x-api-token") + " " + body);
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "2");
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        adapter = new PipedriveAdapter(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/"), "secret",
                new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void createsUpdatesAndDeletes() {
        assertThat(adapter.upsert("organizations", Map.of("name", "Capsens"), null, null)).isEqualTo("42");
        assertThat(adapter.upsert("organizations", Map.of("name", "Capsens SA"), null, "42")).isEqualTo("42");
        adapter.delete("organizations", "42");
        assertThat(received).containsExactly(
                "POST /v1/organizations secret {\"name\":\"Capsens\"}",
                "PUT /v1/organizations/42 secret {\"name\":\"Capsens SA\"}",
                "DELETE /v1/organizations/42 secret ");
    }

    @Test
    void translatesFailuresIntoTypedExceptionsWithoutTheToken() {
        status = 422;
        answer = "{\"success\":false,\"error\":\"name is required\"}";
        assertThatThrownBy(() -> adapter.upsert("organizations", Map.of(), null, "42"))
                .isInstanceOf(CrmValidationException.class).hasMessageNotContaining("secret")
                .satisfies(e -> assertThat(((CrmValidationException) e).isRecordSpecific()).isTrue());
        status = 404;
        assertThatThrownBy(() -> adapter.delete("organizations", "7")).isInstanceOf(CrmNotFoundException.class);
        status = 429;
        assertThatThrownBy(() -> adapter.upsert("organizations", Map.of(), null, "42"))
                .isInstanceOfSatisfying(CrmRateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        status = 503;
        assertThatThrownBy(() -> adapter.upsert("organizations", Map.of("name", "x"), null, null))
                .isInstanceOf(CrmAmbiguousWriteException.class);
    }
}
