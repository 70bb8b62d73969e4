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

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.UpsertOutcome;
import io.quarkiverse.etlify.hubspot.sandbox.CrmObject;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * 1,000 contacts through {@code batchUpsert} and 50 single syncs (5 threads; 25 of them contacts of
 * the batch, with their e-mail in another case) against an account limited to 5 requests per
 * second, with the CRM configured to that limit: no 429, no duplicate, never more than 5 requests
 * in any second.
 */
@QuarkusTest
@PostgresTest
@TestProfile(ThrottledHubSpotProfile.class)
class ThrottledThousandContactsTest extends HubSpotTestBase {

    private static final Logger LOG = Logger.getLogger(ThrottledThousandContactsTest.class);

    @Test
    void aThousandContactsAndFiftySingleSyncsMeetNo429AndNoDuplicate() throws Exception {
        List<BatchUpsertInput> inputs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            inputs.add(new BatchUpsertInput("c" + i, Map.of("email", "contact" + i + "@example.com", "firstname",
                    "Contact " + i), null));
        }
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            users.add(fixtures.user(i < 25 ? "CONTACT" + i + "@Example.com" : "single" + i + "@example.com", "User " + i));
        }

        long start = System.nanoTime();
        Map<String, UpsertOutcome> outcomes = adapter("hubspot").batchUpsert("contacts", "email", inputs);
        long batchDone = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(5);
        List<SyncResult> results = new ArrayList<>();
        try {
            List<Future<SyncResult>> futures = new ArrayList<>();
            for (User user : users) {
                futures.add(threads.submit(() -> etlify.crm("hubspot").syncNow(user)));
            }
            for (Future<SyncResult> future : futures) {
                results.add(future.get());
            }
        } finally {
            threads.shutdown();
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);

        int busiest = RequestWindows.busiest(sandbox.requests(), Duration.ofSeconds(1));
        LOG.infof("1,000 contacts in %d batch requests took %d ms; 50 single syncs in %d requests took %d ms;"
                + " total %d ms, %d requests, %d answered 429, busiest second %d requests",
                sandbox.requestCount(EndpointKind.BATCH_UPSERT) - 50, Duration.ofNanos(batchDone - start).toMillis(),
                50, Duration.ofNanos(System.nanoTime() - batchDone).toMillis(), total.toMillis(),
                sandbox.totalRequests(), sandbox.count429(), busiest);

        assertThat(outcomes).hasSize(1_000).allSatisfy((key, outcome) -> assertThat(outcome.isSuccess()).isTrue());
        assertThat(results).hasSize(50).containsOnly(SyncResult.SYNCED);
        assertThat(sandbox.count429()).isZero();
        assertThat(sandbox.totalRequests()).isEqualTo(10 + 50);
        assertThat(busiest).isLessThanOrEqualTo(ThrottledHubSpotProfile.MAX_REQUESTS);
        List<CrmObject> contacts = sandbox.objects("contacts");
        Set<String> emails = new HashSet<>();
        contacts.forEach(contact -> emails.add(contact.property("email")));
        assertThat(contacts).hasSize(1_025);
        assertThat(emails).hasSize(1_025);
        for (int i = 0; i < 25; i++) {
            assertThat(fixtures.syncRow("hubspot", "User", users.get(i).id).crmId)
                    .isEqualTo(outcomes.get("c" + i).crmId());
        }
        assertThat(total).isLessThan(Duration.ofMinutes(1));
    }
}
