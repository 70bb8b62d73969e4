package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The freshness watermark read with the payload, and no lock held during the CRM call. */
@QuarkusTest
@PostgresTest
class WatermarkAndLockingTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @Inject
    EntityManager em;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        fixtures.reset();
        hubspot = crms.get("hubspot");
    }

    @Test
    void watermarkIsTheNewestUpdateTimeOfTheRecordAndItsDependencies() {
        Company acme = fixtures.company("Acme");
        User user = fixtures.user("ada@example.com", "Ada");
        fixtures.update(user, u -> u.company = em.find(Company.class, acme.id));
        Investment investment = fixtures.invest(user, "Fund I", "1000.00");
        assertThat(etlify.crm("hubspot").syncNow(acme)).isEqualTo(SyncResult.SYNCED); // a sync dependency of users

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);

        Instant stored = fixtures.syncRow("hubspot", "User", user.id).sourceWatermark.toInstant();
        assertThat(stored).isEqualTo(investment.updatedAt.truncatedTo(ChronoUnit.MICROS));
        assertThat(stored).isAfter(acme.updatedAt);
    }

    @Test
    void noLockIsHeldOnTheApplicationsRowWhileTheCrmCallIsInFlight() throws Exception {
        User user = fixtures.user("ada@example.com", "Ada");
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        hubspot.onCall(call -> {
            inFlight.countDown();
            await(release);
        });

        CompletableFuture<SyncResult> sync = CompletableFuture.supplyAsync(() -> etlify.crm("hubspot").syncNow(user));
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

        // NOWAIT fails at once if the sync holds a lock on the user's row
        User changed = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT id FROM app_users WHERE id = ?1 FOR UPDATE NOWAIT").setParameter(1, user.id)
                    .getSingleResult();
            User managed = em.find(User.class, user.id);
            managed.firstName = "Augusta";
            em.flush();
            return managed;
        });
        release.countDown();

        assertThat(sync.get(10, TimeUnit.SECONDS)).isEqualTo(SyncResult.SYNCED);
        // the change made during the call is newer than the stored watermark: the record stays stale
        Instant stored = fixtures.syncRow("hubspot", "User", user.id).sourceWatermark.toInstant();
        assertThat(changed.updatedAt).isAfter(stored);
        hubspot.onCall(call -> {
        });
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(hubspot.objects("contacts").values()).singleElement()
                .satisfies(contact -> assertThat(contact).containsEntry("firstname", "Augusta"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
