package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The durable queue's lanes: {@code sync(entity)} requests go before a batch sync's backlog, which still
 * gets a share of every claim. One worker claiming 10 requests at a time ({@link #laneTuning()}); its
 * first claim is held inside the CRM call while the test queues what comes after it.
 */
abstract class AbstractQueueLanesTest {

    static final int CLAIM = 10;

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @Inject
    EntityManager em;

    InMemoryCrm hubspot;
    final CountDownLatch workerHeld = new CountDownLatch(1);
    final CountDownLatch releaseWorker = new CountDownLatch(1);

    /** One worker, claims of {@link #CLAIM} requests, quick polls. */
    static Map<String, String> laneTuning() {
        return Map.of(
                "quarkus.etlify.crm.hubspot.queue.concurrency", "1",
                "quarkus.etlify.crm.hubspot.queue.batch-size", String.valueOf(CLAIM),
                "quarkus.etlify.crm.hubspot.queue.poll-interval", "200ms");
    }

    @BeforeEach
    void clean() {
        fixtures.reset();
        hubspot = memory.get("hubspot");
    }

    @AfterEach
    void release() {
        releaseWorker.countDown();
    }

    @Test
    void aSingleRequestedAfterABatchBacklogIsSyncedByTheNextClaim() throws InterruptedException {
        fixtures.users(2_000);
        holdTheWorkersFirstClaim();

        User single = fixtures.user("single@example.com", "Single");
        QuarkusTransaction.requiringNew().run(() -> etlify.crm("hubspot").sync(User.findById(single.id)));
        releaseWorker.countDown();

        await().atMost(Duration.ofSeconds(60)).until(() -> upsertedEmails().contains("single@example.com"));
        assertThat(upsertedEmails().indexOf("single@example.com"))
                .as("synced by the claim after the one in flight, not after the 2,000 batch requests")
                .isLessThan(2 * CLAIM);
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingRequests() == 0);
        assertThat(hubspot.count("contacts")).isEqualTo(2_001);
    }

    @Test
    void aBacklogOfSinglesGoesFirstWithoutStarvingTheBatch() throws InterruptedException {
        fixtures.users(50);
        holdTheWorkersFirstClaim();

        // 500 single requests, more than the 40 batch requests left could ever be interleaved with if
        // singles always went first: 9 of each claim of 10 are theirs, the 10th is the batch's
        List<User> singles = QuarkusTransaction.requiringNew().call(() -> {
            List<User> created = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                User user = new User();
                user.email = "single-" + i + "@example.com";
                user.firstName = "Single " + i;
                user.persist();
                created.add(user);
            }
            return created;
        });
        QuarkusTransaction.requiringNew().run(() -> singles.forEach(user -> etlify.crm("hubspot").sync(user)));
        releaseWorker.countDown();

        await().atMost(Duration.ofSeconds(60)).until(() -> pendingRequests() == 0);
        List<String> order = upsertedEmails();
        assertThat(order).hasSize(550);
        int firstSingle = indexOfFirst(order, "single-");
        int lastBatch = indexOfLast(order, "user-");
        assertThat(firstSingle).as("singles go before the batch's backlog").isLessThan(2 * CLAIM);
        assertThat(order.size() - 1 - lastBatch).as("singles still waiting when the batch completed")
                .isGreaterThanOrEqualTo(100);
    }

    @Test
    void aRecordRequestedInBothLanesIsUrgentUntilItsRequestIsCompleted() throws InterruptedException {
        fixtures.users(20);
        holdTheWorkersFirstClaim();
        String waiting = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT resource_id FROM crm_synchronisations WHERE crm_name = 'hubspot' AND claimed_by IS NULL"
                        + " AND sync_requested_at IS NOT NULL ORDER BY resource_id").setMaxResults(1).getSingleResult());
        assertThat(lane(waiting)).as("queued by the batch sync").isEqualTo(1);

        QuarkusTransaction.requiringNew().run(() -> etlify.crm("hubspot").sync(User.findById(Long.valueOf(waiting))));
        assertThat(lane(waiting)).as("requested by sync(entity) too").isEqualTo(0);
        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class));
        assertThat(lane(waiting)).as("queued by a batch sync again: keeps the urgent lane").isEqualTo(0);
        releaseWorker.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRequests() == 0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM crm_synchronisations WHERE sync_lane IS NOT NULL").getSingleResult()).longValue()))
                .as("completed requests leave no lane").isZero();
        assertThat(hubspot.count("contacts")).isEqualTo(20);
    }

    /** Queues the users by an async batch sync and waits until the worker's first claim is inside the CRM. */
    private void holdTheWorkersFirstClaim() throws InterruptedException {
        hubspot.onCall(call -> {
            workerHeld.countDown();
            try {
                releaseWorker.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class));
        assertThat(workerHeld.await(20, TimeUnit.SECONDS)).as("the worker claimed the first batch requests").isTrue();
    }

    private List<String> upsertedEmails() {
        return hubspot.calls("upsert").stream().map(call -> String.valueOf(call.payload().get("email"))).toList();
    }

    private static int indexOfFirst(List<String> emails, String prefix) {
        for (int i = 0; i < emails.size(); i++) {
            if (emails.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfLast(List<String> emails, String prefix) {
        for (int i = emails.size() - 1; i >= 0; i--) {
            if (emails.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private Integer lane(String resourceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object lane = em.createNativeQuery("SELECT sync_lane FROM crm_synchronisations WHERE crm_name = 'hubspot'"
                    + " AND resource_type = 'User' AND resource_id = ?1").setParameter(1, resourceId).getSingleResult();
            return lane == null ? null : ((Number) lane).intValue();
        });
    }

    private long pendingRequests() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM crm_synchronisations WHERE sync_requested_at IS NOT NULL").getSingleResult()))
                .longValue();
    }
}
