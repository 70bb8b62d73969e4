package io.quarkiverse.etlify.it.airtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.it.LogCapture;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * With the REST client's logging asked for at its widest ({@code all}), requests and responses are logged with
 * the token masked, and nothing Etlify logs or stores carries it, failures included.
 */
@QuarkusTest
@PostgresTest
@TestProfile(RequestLoggingAirtableProfile.class)
class AirtableTokenNeverLoggedTest extends AirtableTestBase {

    private static final String CLIENT_LOGGING = "org.jboss.resteasy.reactive.client.logging";

    @Test
    void theTokenIsInNoLogLineNorStoredError() {
        try (LogCapture log = LogCapture.start()) {
            adapter("mirror").upsert("people", Map.of("email", "ada@example.com", "firstname", "Ada"), "email", null);
            adapter("mirror").batchUpsert("people", "email",
                    List.of(new BatchUpsertInput("bob", Map.of("email", "bob@example.com"), null)));
            try {
                adapter("wrongtoken").upsert("people", Map.of("email", "eve@example.com"), "email", null);
            } catch (CrmUnauthorizedException expected) {
                // its request is logged all the same
            }
            airtable.faults().failNext(1, 422);
            User user = fixtures.user("zoe@example.com", "Zoe");
            assertThat(etlify.crm("mirror").syncNow(user)).isEqualTo(SyncResult.ERROR);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(clientLines(log))
                    .filteredOn(line -> line.startsWith("Response: ")).hasSize(4));
            assertThat(clientLines(log)).filteredOn(line -> line.startsWith("Request: PATCH "))
                    .hasSize(4)
                    .allSatisfy(line -> assertThat(line).contains("Authorization=Bearer ***"))
                    .anySatisfy(line -> assertThat(line).contains("/v0/" + AirtableProfile.BASE_ID + "/people",
                            "ada@example.com"));
            assertThat(log.lines()).isNotEmpty().allSatisfy(line -> assertThat(line.text())
                    .doesNotContain(AirtableProfile.TOKEN, AirtableProfile.WRONG_TOKEN));
            assertThat(fixtures.syncRow("mirror", "User", user.id).lastError).contains("422")
                    .doesNotContain(AirtableProfile.TOKEN);
        }
    }

    private static List<String> clientLines(LogCapture log) {
        return log.lines().stream().filter(line -> line.category().startsWith(CLIENT_LOGGING))
                .map(LogCapture.Line::text).toList();
    }
}
