package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/** etlify.batchSync: inline and async, stats, force, and no lost update when a record changes mid-call. */
@QuarkusTest
@PostgresTest
class BatchSyncTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        fixtures.reset();
        hubspot = memory.get("hubspot");
    }

    @Test
    void inlineSyncsTheStaleRecordsAndReportsStats() {
        List<User> users = fixtures.users(3);
        fixtures.company("Acme");

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot").inline());

        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.perModel()).containsEntry("User", 3L).containsEntry("Company", 1L);
        assertThat(stats.errors()).isZero();
        assertThat(hubspot.count("contacts")).isEqualTo(3);
        assertThat(etlify.batchSync(BatchSync.options().crm("hubspot").inline()).total()).as("nothing stale").isZero();

        fixtures.update(users.get(0), u -> u.lastName = "Lovelace");
        BatchSyncStats again = etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline());
        assertThat(again.perModel()).containsExactly(Map.entry("User", 1L));
        assertThat(hubspot.callCount("upsert")).isEqualTo(5);
    }

    @Test
    void inlineErrorsAreCountedAndDoNotStopTheBatch() {
        fixtures.users(3);
        hubspot.failWhen(call -> "user-1@example.com".equals(call.payload().get("email")),
                new CrmValidationException("Email invalid", 400, "VALIDATION_ERROR", null, null));

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline().batchSize(2));

        assertThat(stats.total()).isEqualTo(3);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(hubspot.count("contacts")).isEqualTo(2);
    }

    @Test
    void asyncQueuesTheStaleRecordsForTheWorkers() {
        fixtures.users(25);

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class));

        assertThat(stats.total()).isEqualTo(25);
        await().atMost(Duration.ofSeconds(20)).until(() -> hubspot.count("contacts") == 25);
    }

    @Test
    void forceSendsRecordsWhoseDigestDidNotChange() {
        List<User> users = fixtures.users(2);
        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline());
        users.forEach(user -> fixtures.update(user, u -> u.updatedAt = java.time.Instant.now())); // stale, same payload

        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline());
        assertThat(hubspot.callCount("upsert")).as("unchanged payloads are not sent").isEqualTo(2);

        users.forEach(user -> fixtures.update(user, u -> u.updatedAt = java.time.Instant.now()));
        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline().force());
        assertThat(hubspot.callCount("upsert")).isEqualTo(4);
    }

    @Test
    void aChangeCommittedWhileTheCrmCallIsInFlightIsSyncedByTheNextRun() throws Exception {
        User user = fixtures.user("ada@example.com", "Ada");
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        hubspot.onCall(call -> {
            inFlight.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<BatchSyncStats> run = CompletableFuture
                .supplyAsync(() -> etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline()));
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

        fixtures.update(user, u -> u.firstName = "Augusta");
        release.countDown();
        assertThat(run.get(10, TimeUnit.SECONDS).total()).isEqualTo(1);
        hubspot.onCall(call -> {
        });
        assertThat(hubspot.objects("contacts").values()).singleElement()
                .satisfies(contact -> assertThat(contact).containsEntry("firstname", "Ada"));

        assertThat(etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline()).total())
                .as("the change made during the call left the record stale").isEqualTo(1);
        assertThat(hubspot.objects("contacts").values()).singleElement()
                .satisfies(contact -> assertThat(contact).containsEntry("firstname", "Augusta"));
    }
}
