package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.PendingSync;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;

/**
 * A CRM handing its work to the application's own queue, with the built-in queue's workers off on every instance:
 * every sync Etlify requests by itself reaches that queue (an async batch sync's pages, a buffered record's
 * dependency, the records a sync releases), none is left in the built-in queue, which nobody reads.
 */
@QuarkusTest
@PostgresTest
@TestProfile(OwnQueueWithoutWorkersTest.OwnQueueOnly.class)
class OwnQueueWithoutWorkersTest {

    public static class OwnQueueOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.etlify.crm.hubspot.dispatcher", "app-queue",
                    "quarkus.etlify.crm.hubspot.queue.workers-enabled", "false");
        }
    }

    @ApplicationScoped
    @Identifier("app-queue")
    public static class AppQueue implements SyncDispatcher {
        private final List<SyncRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public void dispatch(SyncRequest request) {
            requests.add(request);
        }

        /** Takes the requests queued so far. */
        List<SyncRequest> drain() {
            List<SyncRequest> taken = List.copyOf(requests);
            requests.removeAll(taken);
            return taken;
        }
    }

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @Inject
    EntityManager em;

    @Inject
    @Identifier("app-queue")
    AppQueue appQueue;

    @Inject
    QueueingDispatcher subscriptionsQueue;

    @BeforeEach
    void clean() {
        fixtures.reset();
        appQueue.drain();
        subscriptionsQueue.queue().clear();
    }

    @Test
    void anAsyncBatchSyncHandsEveryStaleRecordToTheCrmsDispatcher() {
        List<User> users = fixtures.users(3);

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class));

        assertThat(stats.total()).isEqualTo(3);
        List<SyncRequest> requests = appQueue.drain();
        assertThat(requests).extracting(SyncRequest::entityId)
                .containsExactlyInAnyOrderElementsOf(users.stream().map(u -> (Object) u.id).toList());
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.crmName()).isEqualTo("hubspot");
            assertThat(request.entityType()).isEqualTo(User.class);
            assertThat(request.resourceId()).isEqualTo(request.entityId().toString());
        });
        assertThat(requestedInTheBuiltInQueue()).as("nothing left where no worker looks").isZero();

        requests.forEach(request -> assertThat(perform(request)).isEqualTo(SyncResult.SYNCED));
        assertThat(crms.get("hubspot").count("contacts")).isEqualTo(3);
    }

    @Test
    void aBufferedRecordsDependencyAndThenTheRecordReachTheCrmsDispatcher() {
        Company acme = fixtures.company("Acme");
        User user = fixtures.update(fixtures.user("ada@example.com", "Ada"), u -> u.company = em.find(Company.class, acme.id));

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.BUFFERED);

        SyncRequest dependency = single(appQueue.drain());
        assertThat(dependency.entityType()).isEqualTo(Company.class);
        assertThat(dependency.entityId()).isEqualTo(acme.id);
        assertThat(perform(dependency)).isEqualTo(SyncResult.SYNCED);

        SyncRequest released = single(appQueue.drain());
        assertThat(released.entityType()).isEqualTo(User.class);
        assertThat(released.entityId()).isEqualTo(user.id);
        assertThat(perform(released)).isEqualTo(SyncResult.SYNCED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PendingSync.count())).isZero();
        assertThat(requestedInTheBuiltInQueue()).isZero();
    }

    @Test
    void aMappingsOwnDispatcherGetsItsRecordsOfAnAsyncBatchSync() {
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.plan = "gold";
            s.persist();
            return s;
        });

        etlify.batchSync(BatchSync.options().crm("mirror").models(Subscription.class));

        assertThat(subscriptionsQueue.queue()).singleElement().satisfies(request -> {
            assertThat(request.crmName()).isEqualTo("mirror");
            assertThat(request.entityId()).isEqualTo(subscription.id);
        });
        assertThat(appQueue.drain()).isEmpty();
    }

    private SyncResult perform(SyncRequest request) {
        return etlify.crm(request.crmName()).syncNow(request.entityType(), request.entityId());
    }

    private static SyncRequest single(List<SyncRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private long requestedInTheBuiltInQueue() {
        return QuarkusTransaction.requiringNew().call(() -> CrmSynchronisation.count("syncRequestedAt is not null"));
    }
}
