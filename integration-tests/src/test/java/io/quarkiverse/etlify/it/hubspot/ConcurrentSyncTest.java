package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkiverse.etlify.runtime.state.Holders;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Concurrent syncs of one record never leave the CRM holding an older value than the database, nor
 * the sync row claiming the CRM holds what it does not; concurrent batch syncs of a CRM run once.
 * Each caller holds its own claims and leases, exactly as separate instances of the application do.
 */
@QuarkusTest
@PostgresTest
@TestProfile(HubSpotProfile.class)
class ConcurrentSyncTest extends HubSpotTestBase {

    private static final int ROUNDS = 25;

    // one thread per concurrent caller, whatever the machine's core count
    private final ExecutorService callers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void twoSyncsOfOneRecordOvertakingEachOtherAtTheCrmLeaveItWithTheLastCommittedValue() throws Exception {
        User user = fixtures.user("race@example.com", "start");
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);

        for (int round = 0; round < ROUNDS; round++) {
            String older = "older-" + round;
            String newer = "newer-" + round;
            fixtures.update(user, u -> u.firstName = older);
            // the first request reaches HubSpot late; the second is applied at once but answered late: without
            // a claim per record, the older value lands last while the newer digest is stored last
            sandbox.faults().latencyNext(1, Duration.ofMillis(300)).delayAnswerNext(1, Duration.ofMillis(400));
            CompletableFuture<SyncResult> first = CompletableFuture
                    .supplyAsync(() -> etlify.crm("hubspot").syncNow(User.class, user.id), callers);
            Thread.sleep(60);
            fixtures.update(user, u -> u.firstName = newer);
            CompletableFuture<SyncResult> second = CompletableFuture
                    .supplyAsync(() -> etlify.crm("hubspot").syncNow(User.class, user.id), callers);
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            sandbox.faults().clear();

            String held = firstNameInHubSpot();
            SyncResult next = etlify.crm("hubspot").syncNow(User.class, user.id);
            if (!newer.equals(held)) {
                assertThat(next).as("round %d: HubSpot holds %s, not the last committed %s", round, held, newer)
                        .isNotEqualTo(SyncResult.NOT_MODIFIED);
            }
            assertThat(firstNameInHubSpot()).as("round %d, after at most one more cycle", round).isEqualTo(newer);
            assertThat(held).as("round %d: one call at a time per record, the later one reading the newer value", round)
                    .isEqualTo(newer);
        }
    }

    @Test
    void threeBatchSyncsStartedAtOnceRunOnceAndTheOthersSayWhoRunsIt() throws Exception {
        fixtures.users(500);
        sandbox.faults().latency(Duration.ofMillis(200));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<BatchSyncStats>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline().batchSize(100));
            }, callers));
        }
        start.countDown();
        List<BatchSyncStats> stats = new ArrayList<>();
        for (CompletableFuture<BatchSyncStats> run : runs) {
            stats.add(run.get(60, TimeUnit.SECONDS));
        }

        assertThat(stats).filteredOn(run -> run.alreadyRunning().isEmpty()).singleElement()
                .satisfies(run -> assertThat(run.total()).isEqualTo(500));
        assertThat(stats).filteredOn(run -> !run.alreadyRunning().isEmpty()).hasSize(2)
                .allSatisfy(run -> {
                    assertThat(run.total()).isZero();
                    assertThat(run.alreadyRunning().get("hubspot")).startsWith(Holders.INSTANCE + "/batch-sync/");
                });
        assertThat(sandbox.requestCount(EndpointKind.BATCH_UPSERT)).isEqualTo(5);
        assertThat(sandbox.objects("contacts")).hasSize(500);
    }

    private String firstNameInHubSpot() {
        return sandbox.findBy("contacts", "email", "race@example.com").orElseThrow().property("firstname");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
