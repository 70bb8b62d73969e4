package io.quarkiverse.etlify.it.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.airtable.sandbox.RecordedRequest;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Airtable's 5 requests per second per base: kept by default, and its 30-second penalty waited out after a 429. */
@QuarkusTest
@PostgresTest
@TestProfile(AirtableProfile.class)
class AirtableRateLimitTest extends AirtableTestBase {

    @Test
    void withoutAConfiguredLimitAirtablesOwnIsKeptAndNo429Comes() throws Exception {
        CrmAdapter mirror = adapter("mirror");
        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<Future<String>> writes = new ArrayList<>();
        try {
            for (int i = 0; i < 25; i++) {
                String email = "user" + i + "@example.com";
                writes.add(threads.submit(() -> mirror.upsert("people", Map.of("email", email), "email", null)));
            }
            for (Future<String> write : writes) {
                assertThat(write.get()).startsWith("rec");
            }
        } finally {
            threads.shutdown();
        }

        assertThat(airtable.count429()).isZero();
        assertThat(airtable.count("people")).isEqualTo(25);
        assertThat(mostRequestsInOneSecond()).isLessThanOrEqualTo(5);
    }

    @Test
    void after429TheCrmWaitsAirtablesPenaltyAndMeetsNoFurther429() {
        // the burst CRM allows itself 100 requests per second: Airtable's sixth request within a second is a 429
        CrmAdapter burst = adapter("burst");
        for (int i = 0; i < 8; i++) {
            assertThat(burst.upsert("people", Map.of("email", "user" + i + "@example.com"), "email", null))
                    .startsWith("rec");
        }

        List<RecordedRequest> requests = airtable.requests();
        assertThat(airtable.count429()).as("one 429, then no request until the penalty was over").isEqualTo(1);
        RecordedRequest limited = requests.stream().filter(request -> request.status() == 429).findFirst().orElseThrow();
        RecordedRequest next = requests.get(requests.indexOf(limited) + 1);
        assertThat(Duration.between(limited.timestamp(), next.timestamp())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(airtable.count("people")).isEqualTo(8);
        assertThat(requests).hasSize(9);
    }

    /** The most requests the sandbox received within any one second. */
    private int mostRequestsInOneSecond() {
        List<Instant> times = airtable.requests().stream().map(RecordedRequest::timestamp).sorted().toList();
        int most = 0;
        for (int first = 0; first < times.size(); first++) {
            int last = first;
            while (last + 1 < times.size() && Duration.between(times.get(first), times.get(last + 1)).toMillis() < 1000) {
                last++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
