package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.UpsertOutcome;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * No client-side limit configured, an account allowing 5 requests per second, 20 callers at once:
 * HubSpot answers 429 (with {@code Retry-After}), the CRM holds its requests for that long and
 * retries; every record arrives once.
 */
@QuarkusTest
@PostgresTest
@TestProfile(UnthrottledHubSpotProfile.class)
class RateLimitStormTest extends HubSpotTestBase {

    private static final Logger LOG = Logger.getLogger(RateLimitStormTest.class);

    @Test
    void a429StormDelaysButLosesNothing() throws Exception {
        CrmAdapter hubspot = adapter("hubspot");
        ExecutorService threads = Executors.newFixedThreadPool(20);
        List<Future<Map<String, UpsertOutcome>>> batches = new ArrayList<>();
        List<Future<String>> singles = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int t = 0; t < 10; t++) {
                List<BatchUpsertInput> inputs = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    inputs.add(new BatchUpsertInput("k" + i, Map.of("email", "t" + t + "-" + i + "@example.com"), null));
                }
                batches.add(threads.submit(() -> hubspot.batchUpsert("contacts", "email", inputs)));
            }
            for (int t = 0; t < 10; t++) {
                int thread = t;
                singles.add(threads.submit(() -> {
                    String last = null;
                    for (int i = 0; i < 3; i++) {
                        last = hubspot.upsert("contacts", Map.of("email", "s" + thread + "-" + i + "@example.com"),
                                "email", null);
                    }
                    return last;
                }));
            }
            for (Future<Map<String, UpsertOutcome>> batch : batches) {
                assertThat(batch.get()).hasSize(100).allSatisfy((key, outcome) -> assertThat(outcome.isSuccess()).isTrue());
            }
            for (Future<String> single : singles) {
                assertThat(single.get()).isNotBlank();
            }
        } finally {
            threads.shutdown();
        }

        LOG.infof("429 storm: %d requests, %d answered 429, done in %d ms", sandbox.totalRequests(), sandbox.count429(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(sandbox.count429()).as("the storm happened").isPositive();
        Set<String> emails = new HashSet<>();
        sandbox.objects("contacts").forEach(contact -> emails.add(contact.property("email")));
        assertThat(sandbox.count("contacts")).isEqualTo(1_030);
        assertThat(emails).hasSize(1_030);
        assertThat(sandbox.totalRequests() - sandbox.count429()).as("each write sent once successfully").isEqualTo(40);
    }
}
