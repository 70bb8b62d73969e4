package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The durable queue's contract, run on every supported database: transactional requests, back-off,
 * crashed workers, several workers on one database. Subclasses run it with {@link QueueTuning}.
 */
abstract class AbstractDurableQueueTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @Inject
    SyncStateStore store;

    @Inject
    EntityManager em;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        fixtures.reset();
        hubspot = memory.get("hubspot");
    }

    @Test
    void theRequestIsWrittenInTheCallersTransactionAndRolledBackWithIt() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            etlify.crm("hubspot").sync(User.findById(user.id));
            assertThat(pendingRequests()).as("visible inside the caller's transaction").isEqualTo(1);
            throw new IllegalStateException("the caller fails");
        })).hasMessage("the caller fails");

        assertThat(pendingRequests()).isZero();
        assertThat(fixtures.syncRows("hubspot")).isZero();
    }

    @Test
    void aFailingRecordBacksOffAndStopsAtMaxSyncErrors() {
        User user = fixtures.user("ada@example.com", "Ada");
        hubspot.failWhen(call -> true,
                new CrmValidationException("Property email is invalid", 400, "VALIDATION_ERROR", null, null));

        etlify.crm("hubspot").sync(user);

        // quarkus.etlify.crm.hubspot.max-sync-errors=5: five attempts, then the request is dropped
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.syncRow("hubspot", "User", user.id) != null
                && fixtures.syncRow("hubspot", "User", user.id).errorCount == 5
                && fixtures.syncRow("hubspot", "User", user.id).syncRequestedAt == null);
        assertThat(hubspot.callCount("upsert")).isEqualTo(5);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> hubspot.callCount("upsert") == 5);
    }

    @Test
    void aCrashedWorkersClaimsAreTakenOverWhenTheirLeaseExpires() {
        List<User> users = fixtures.users(20);
        // a worker claimed these requests and died: requested and claimed in one transaction, never completed;
        // the lease end is bound, not written as SQL interval arithmetic, which differs per database
        OffsetDateTime leaseEnd = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        QuarkusTransaction.requiringNew().run(() -> {
            store.requestSync(users.stream().map(u -> new SyncKey("hubspot", "User", u.id.toString())).toList());
            em.createNativeQuery("UPDATE crm_synchronisations SET claimed_by = 'dead-worker', claimed_until = ?1"
                    + " WHERE crm_name = 'hubspot'").setParameter(1, leaseEnd).executeUpdate();
        });
        assertThat(hubspot.calls()).isEmpty();

        await().atMost(Duration.ofSeconds(15)).until(() -> hubspot.count("contacts") == 20 && pendingRequests() == 0);
        assertThat(hubspot.callCount("upsert")).isEqualTo(20);
    }

    @Test
    void threeWorkersSyncFiveThousandRecordsEachExactlyOnce() {
        List<User> users = fixtures.users(5_000);
        QuarkusTransaction.requiringNew().run(() -> store
                .requestSync(users.stream().map(u -> new SyncKey("hubspot", "User", u.id.toString())).toList()));

        await().atMost(Duration.ofSeconds(120)).until(() -> pendingRequests() == 0);

        assertThat(hubspot.count("contacts")).isEqualTo(5_000);
        List<InMemoryCrm.Call> upserts = hubspot.calls("upsert");
        assertThat(upserts).hasSize(5_000);
        Set<Object> emails = new HashSet<>();
        upserts.forEach(call -> emails.add(call.payload().get("email")));
        assertThat(emails).hasSize(5_000);
        assertThat(upserts).allSatisfy(call -> assertThat(call.crmId()).as("no record created twice").isNull());
    }

    @Test
    void aClaimedBatchIsSettledRecordByRecordDoneBackedOffOrRequestedAgainDuringItsSync() throws InterruptedException {
        List<User> users = fixtures.users(10);
        Set<String> failing = Set.of("user-0@example.com", "user-1@example.com");
        String requestedAgain = "user-2@example.com";
        hubspot.failWhen(call -> failing.contains(call.payload().get("email")),
                new CrmValidationException("Property email is invalid", 400, "VALIDATION_ERROR", null, null));
        // the first CRM call waits until the test requested one of the records again, its row claimed meanwhile
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch requested = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        hubspot.onCall(call -> {
            if (first.compareAndSet(true, false)) {
                inFlight.countDown();
                awaitQuietly(requested);
            }
        });

        // one transaction: a worker claims the ten requests together (batch-size 50)
        QuarkusTransaction.requiringNew().run(() -> store
                .requestSync(users.stream().map(u -> new SyncKey("hubspot", "User", u.id.toString())).toList()));
        assertThat(inFlight.await(20, TimeUnit.SECONDS)).as("a worker is syncing the claimed batch").isTrue();
        User again = users.get(2);
        QuarkusTransaction.requiringNew().run(() -> {
            User changed = User.findById(again.id);
            changed.firstName = "Changed during its sync";
            etlify.crm("hubspot").sync(changed);
        });
        assertThat(fixtures.syncRow("hubspot", "User", again.id).claimedBy).as("requested while claimed").isNotNull();
        requested.countDown();

        // the failing records back off until max-sync-errors (5), the others are done once, the record requested
        // again during its sync once more
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRequests() == 0);
        for (User user : users) {
            CrmSynchronisation row = fixtures.syncRow("hubspot", "User", user.id);
            assertThat(row.claimedBy).as("claim released").isNull();
            assertThat(row.claimedUntil).isNull();
            if (failing.contains(user.email)) {
                assertThat(row.errorCount).isEqualTo(5);
                assertThat(row.lastError).contains("Property email is invalid");
                assertThat(upserts(user.email)).as("tried until max-sync-errors").isEqualTo(5);
            } else {
                assertThat(row.errorCount).isZero();
                assertThat(row.nextAttemptAt).isNull();
                assertThat(row.crmId).isNotNull();
                assertThat(upserts(user.email)).as(user.email).isEqualTo(user.email.equals(requestedAgain) ? 2 : 1);
            }
        }
        assertThat(hubspot.find("contacts", fixtures.syncRow("hubspot", "User", again.id).crmId).orElseThrow())
                .containsEntry("firstname", "Changed during its sync");
    }

    private long upserts(String email) {
        return hubspot.calls("upsert").stream().filter(call -> email.equals(call.payload().get("email"))).count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long pendingRequests() {
        return ((Number) QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                "SELECT COUNT(*) FROM crm_synchronisations WHERE sync_requested_at IS NOT NULL").getSingleResult()))
                .longValue();
    }
}
