package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.runtime.throttle.CrmCallGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Two limiters of one CRM account, as two instances of the application have: the CRM's own guard
 * (used by its adapter) and an independent one with its own queue and state, sending raw requests.
 * Only the database-backed permit log ties them; together they stay within the account's 5
 * requests per second.
 */
@QuarkusTest
@PostgresTest
@TestProfile(ThrottledHubSpotProfile.class)
class TwoLimitersTest extends HubSpotTestBase {

    private static final Logger LOG = Logger.getLogger(TwoLimitersTest.class);
    private static final int PER_INSTANCE = 25;

    @Test
    void twoLimiterInstancesSharingOneAccountStayWithinItsLimitTogether() throws Exception {
        CrmAdapter instanceA = adapter("hubspot");
        CrmCallGuard instanceB = guards.independentGuard("hubspot");
        assertThat(instanceB).isNotSameAs(guards.forCrm("hubspot"));
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> statusesOfB = new CopyOnWriteArrayList<>();

        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < PER_INSTANCE; i++) {
                String a = "a" + i + "@example.com";
                String b = "b" + i + "@example.com";
                futures.add(threads.submit(() -> instanceA.upsert("contacts", Map.of("email", a), "email", null)));
                futures.add(threads.submit(() -> statusesOfB.add(instanceB.call(() -> upsertRaw(http, b)))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        int busiest = RequestWindows.busiest(sandbox.requests(), Duration.ofSeconds(1));
        LOG.infof("Two limiters sent %d requests in %d ms: %d answered 429, busiest second %d requests",
                sandbox.totalRequests(), elapsed.toMillis(), sandbox.count429(), busiest);
        assertThat(statusesOfB).hasSize(PER_INSTANCE).containsOnly(200);
        assertThat(sandbox.count("contacts")).isEqualTo(2 * PER_INSTANCE);
        assertThat(sandbox.count429()).isZero();
        assertThat(busiest).isLessThanOrEqualTo(ThrottledHubSpotProfile.MAX_REQUESTS);
        // 50 requests at 5 per second cannot take less than 9 seconds: the limit was really applied
        assertThat(elapsed).isGreaterThan(Duration.ofSeconds(9));
    }

    private int upsertRaw(HttpClient http, String email) {
        String body = "{\"inputs\":[{\"id\":\"" + email + "\",\"idProperty\":\"email\",\"properties\":{\"email\":\""
                + email + "\"}}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/crm/v3/objects/contacts/batch/upsert"))
                .header("Authorization", "Bearer " + HubSpotProfile.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
