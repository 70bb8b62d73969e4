package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.MappedCustomer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.test.QuarkusDevModeTest;

/** In dev mode, the Dev UI shows Etlify's card, and its JSON-RPC service answers the CRMs and the status. */
public class DevUiCardTest {

    @RegisterExtension
    static final QuarkusDevModeTest APP = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar
                    .addClasses(MappedCustomer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class)
                    .addAsResource(new StringAsset(String.join("\n",
                            "quarkus.http.port=" + DevUiCardTest.PORT,
                            "quarkus.datasource.db-kind=h2",
                            "quarkus.datasource.jdbc.url=jdbc:h2:mem:devui;DB_CLOSE_DELAY=-1",
                            "quarkus.datasource.devservices.enabled=false",
                            "quarkus.hibernate-orm.schema-management.strategy=update",
                            "quarkus.etlify.crm.hubspot.adapter=null",
                            "quarkus.etlify.crm.archive.adapter=null",
                            "quarkus.etlify.crm.archive.enabled=false")), "application.properties"));

    static final int PORT = 18093;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void cardListsTheCrmsTheStatusAndTheConsole() throws Exception {
        String extensions = get("/q/dev-ui/devui-data.js");
        assertThat(get("/q/dev-ui/devui-jsonrpc-data.js")).contains("quarkus-etlify_getCrms", "quarkus-etlify_getStatus");
        assertThat(extensions).contains("qwc-etlify-crms", "qwc-etlify-status", "/q/etlify/console");
        assertThat(extensions).contains("\"extensionName\" : \"Etlify\"");
        assertThat(get("/q/dev-ui/quarkus-etlify/qwc-etlify-crms.js")).contains("customElements.define('qwc-etlify-crms'");
        assertThat(get("/q/dev-ui/quarkus-etlify/qwc-etlify-status.js")).contains("customElements.define('qwc-etlify-status'");

        JsonNode crms = call("getCrms");
        assertThat(crms.findValuesAsText("name")).containsExactly("archive", "hubspot");
        assertThat(crms.get(0).get("enabled").asBoolean()).isFalse();
        assertThat(crms.get(1).get("state").get("condition").asText()).isEqualTo("OK");

        JsonNode status = call("getStatus");
        assertThat(status).hasSize(1);
        assertThat(status.get(0).get("crm").asText()).isEqualTo("hubspot");
        assertThat(status.get(0).get("model").asText()).isEqualTo("MappedCustomer");
        assertThat(status.get(0).get("records").asLong()).isZero();
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private static boolean isAnswer(String message) {
        try {
            return JSON.readTree(message).path("id").asInt() == 7;
        } catch (IOException e) {
            return false;
        }
    }

    /** One JSON-RPC call over the Dev UI's WebSocket, as the card's web components make it. */
    private static JsonNode call(String method) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + PORT + "/q/dev-ui/json-rpc-ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            if (isAnswer(message)) {
                                answer.complete(message);
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"quarkus-etlify_" + method + "\",\"params\":{}}", true);
        JsonNode response = JSON.readTree(answer.get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS));
        socket.abort();
        assertThat(response.has("error")).as("error of %s: %s", method, response).isFalse();
        JsonNode result = response.get("result");
        return result.has("object") ? result.get("object") : result;
    }
}
