package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.sync.BatchOutcome;
import io.quarkiverse.etlify.runtime.sync.BatchSynchronizer;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/** The batch synchronizer: per-record outcomes, partial failures, whole-batch rejection, rate limits. */
@QuarkusTest
@PostgresTest
class BatchSynchronizerTest {

    @Inject
    BatchSynchronizer synchronizer;

    @Inject
    Etlify etlify;

    @Inject
    CrmRegistry crms;

    @Inject
    MappingRegistry mappings;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @Inject
    CrmGuards guards;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        guards.forCrm("hubspot").resume();
        fixtures.reset();
        hubspot = memory.get("hubspot");
    }

    private BatchOutcome sync(List<User> users, boolean force) {
        return synchronizer.sync(crms.find("hubspot").orElseThrow(), mappings.mappingFor(User.class, "hubspot").orElseThrow(),
                users.stream().map(u -> u.id).toList(), force);
    }

    @Test
    void syncsChangedRecordsAndSkipsUnchangedOnes() {
        List<User> users = fixtures.users(5);
        fixtures.update(users.get(4), u -> u.email = null); // rejected by the guard

        BatchOutcome first = sync(users, false);
        assertThat(first.count(SyncResult.SYNCED)).isEqualTo(4);
        assertThat(first.results().get(users.get(4).id.toString())).isEqualTo(SyncResult.SKIPPED);
        assertThat(hubspot.count("contacts")).isEqualTo(4);
        assertThat(fixtures.syncRow("hubspot", "User", users.get(0).id).crmId).isNotNull();

        fixtures.update(users.get(1), u -> u.firstName = "Changed");
        BatchOutcome second = sync(users, false);
        assertThat(second.count(SyncResult.NOT_MODIFIED)).isEqualTo(3);
        assertThat(second.results().get(users.get(1).id.toString())).isEqualTo(SyncResult.SYNCED);
        assertThat(hubspot.callCount("upsert")).isEqualTo(5);

        assertThat(sync(users, true).count(SyncResult.SYNCED)).as("force ignores digests").isEqualTo(4);
    }

    @Test
    void aPartialFailureOnlyFailsItsRecord() {
        List<User> users = fixtures.users(4);
        hubspot.failWhen(call -> "user-2@example.com".equals(call.payload().get("email")),
                new CrmValidationException("Email invalid", 400, "VALIDATION_ERROR", "c-3", null));

        BatchOutcome outcome = sync(users, false);

        assertThat(outcome.count(SyncResult.SYNCED)).isEqualTo(3);
        assertThat(outcome.results().get(users.get(2).id.toString())).isEqualTo(SyncResult.ERROR);
        assertThat(fixtures.syncRow("hubspot", "User", users.get(2).id).errorCount).isEqualTo(1);
        assertThat(fixtures.syncRow("hubspot", "User", users.get(2).id).lastError).contains("Email invalid");
        assertThat(fixtures.syncRow("hubspot", "User", users.get(1).id).errorCount).isZero();
    }

    @Test
    void aGuardRejectionClearsTheErrorsOfARecordLeftOutOfBatchSyncsWhichReturnsOnceAccepted() {
        List<User> users = fixtures.users(2);
        hubspot.failWhen(call -> "user-0@example.com".equals(call.payload().get("email")),
                new CrmValidationException("Email invalid", 400, "VALIDATION_ERROR", null, null));
        for (int i = 0; i < 5; i++) { // hubspot's max-sync-errors
            sync(users, true);
        }
        hubspot.reset();
        User failing = fixtures.update(users.get(0), u -> u.lastName = "Lovelace");
        assertThat(fixtures.syncRow("hubspot", "User", failing.id).errorCount).isEqualTo(5);
        assertThat(etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline()).total())
                .as("left out of batch syncs").isZero();

        fixtures.update(failing, u -> u.email = null);
        assertThat(sync(List.of(failing), false).results()).containsEntry(failing.id.toString(), SyncResult.SKIPPED);

        CrmSynchronisation skipped = fixtures.syncRow("hubspot", "User", failing.id);
        assertThat(skipped.errorCount).isZero();
        assertThat(skipped.lastError).isNull();
        fixtures.update(failing, u -> u.email = "user-0@example.com");
        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline());
        assertThat(stats.total()).isEqualTo(1);
        assertThat(stats.errors()).isZero();
        assertThat(fixtures.syncRow("hubspot", "User", failing.id).crmId).isNotNull();
    }

    @Test
    void aRateLimitDefersTheRestWithoutCountingErrors() {
        List<User> users = fixtures.users(3);
        hubspot.failWhen(call -> true,
                new CrmRateLimitedException("daily limit", "RATE_LIMITS", null, Duration.ofHours(1),
                        CrmRateLimitedException.Scope.DAILY_QUOTA, "DAILY"));

        BatchOutcome outcome = sync(users, false);

        assertThat(outcome.deferred()).hasSize(3);
        assertThat(outcome.count(SyncResult.ERROR)).isZero();
        CrmSynchronisation deferred = fixtures.syncRow("hubspot", "User", users.get(0).id);
        assertThat(deferred.errorCount).isZero();
        assertThat(deferred.crmId).isNull();
        assertThat(deferred.lastError).contains("daily limit");
        assertThat(guards.forCrm("hubspot").isPaused()).as("a daily limit pauses the CRM").isTrue();
        hubspot.reset();
        guards.forCrm("hubspot").resume();
        assertThat(sync(users, false).count(SyncResult.SYNCED)).as("nothing was lost").isEqualTo(3);
    }

    @Test
    void aBatchRejectedAsAWholeIsRetriedRecordByRecord() {
        List<User> users = fixtures.users(3);
        hubspot.failNextBatch(new CrmValidationException("Invalid input in batch", 400, "VALIDATION_ERROR", "c-9", null));
        hubspot.failWhen(call -> "user-1@example.com".equals(call.payload().get("email")),
                new CrmValidationException("Email invalid", 400, "VALIDATION_ERROR", "c-4", null));

        BatchOutcome outcome = sync(users, false);

        assertThat(hubspot.callCount("batchUpsert")).isEqualTo(1);
        assertThat(outcome.count(SyncResult.SYNCED)).isEqualTo(2);
        assertThat(outcome.results().get(users.get(1).id.toString())).isEqualTo(SyncResult.ERROR);
        assertThat(hubspot.count("contacts")).isEqualTo(2);
    }

    @Test
    void aFailingSerializerFailsOnlyItsRecord() {
        Subscription broken = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.persist();
            return s;
        });
        Subscription fine = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.plan = "gold";
            s.persist();
            return s;
        });

        BatchOutcome outcome = synchronizer.sync(crms.find("hubspot").orElseThrow(),
                mappings.mappingFor(Subscription.class, "hubspot").orElseThrow(), List.of(broken.id, fine.id), false);

        assertThat(outcome.results()).containsEntry(broken.id.toString(), SyncResult.ERROR)
                .containsEntry(fine.id.toString(), SyncResult.SYNCED);
    }
}
