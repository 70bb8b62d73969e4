package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.it.LogCapture;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With the REST client's request-response logging on, requests and responses are logged, the token never. */
@QuarkusTest
@PostgresTest
@TestProfile(RequestLoggingHubSpotProfile.class)
class ClientLoggingMasksTokenTest extends HubSpotTestBase {

    private static final String CLIENT_LOGGING = "org.jboss.resteasy.reactive.client.logging";

    @Test
    void requestsAreLoggedWithTheAuthorizationHeaderMasked() {
        try (LogCapture log = LogCapture.start()) {
            adapter("hubspot").upsert("contacts", Map.of("email", "ada@example.com", "firstname", "Ada"), "email", null);
            adapter("hubspot").batchUpsert("contacts", "email",
                    List.of(new BatchUpsertInput("bob", Map.of("email", "bob@example.com"), null)));
            try {
                adapter("wrongtoken").upsert("contacts", Map.of("email", "eve@example.com"), "email", null);
            } catch (CrmUnauthorizedException expected) {
                // its request is logged all the same
            }

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(clientLines(log))
                    .filteredOn(line -> line.startsWith("Response: ")).hasSize(3));
            assertThat(clientLines(log)).filteredOn(line -> line.startsWith("Request: POST "))
                    .hasSize(3)
                    .allSatisfy(line -> assertThat(line).contains("Authorization=Bearer ***"))
                    .anySatisfy(line -> assertThat(line).contains("/crm/v3/objects/contacts/batch/upsert",
                            "ada@example.com"));
            assertThat(log.lines()).isNotEmpty().allSatisfy(line -> assertThat(line.text())
                    .doesNotContain(HubSpotProfile.TOKEN, HubSpotProfile.WRONG_TOKEN));
        }
    }

    private static List<String> clientLines(LogCapture log) {
        return log.lines().stream().filter(line -> line.category().startsWith(CLIENT_LOGGING))
                .map(LogCapture.Line::text).toList();
    }
}
