package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** syncNow: digest idempotence, guard, failures, force, payload. */
@QuarkusTest
@PostgresTest
class InlineSyncTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        fixtures.reset();
        hubspot = crms.get("hubspot");
    }

    @Test
    void syncsThenReportsNotModifiedWithoutCallingTheCrm() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        CrmSynchronisation first = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(first.crmId).isNotBlank();
        assertThat(first.lastDigest).hasSize(64);
        assertThat(hubspot.objects("contacts").get(first.crmId)).containsEntry("email", "ada@example.com");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.NOT_MODIFIED);
        assertThat(hubspot.callCount("upsert")).isEqualTo(1);
        CrmSynchronisation second = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(second.lastSyncedAt).isAfterOrEqualTo(first.lastSyncedAt);
        assertThat(second.lastDigest).isEqualTo(first.lastDigest);
    }

    @Test
    void aChangedEmailUpdatesTheSameCrmRecord() {
        User user = fixtures.user("ada@example.com", "Ada");
        etlify.crm("hubspot").syncNow(user);
        String crmId = fixtures.syncRow("hubspot", "User", user.id).crmId;

        User changed = fixtures.update(user, u -> u.email = "ada.lovelace@example.com");

        assertThat(etlify.crm("hubspot").syncNow(changed)).isEqualTo(SyncResult.SYNCED);
        assertThat(hubspot.calls("upsert").get(1).crmId()).isEqualTo(crmId);
        assertThat(hubspot.count("contacts")).isEqualTo(1);
        assertThat(hubspot.objects("contacts").get(crmId)).containsEntry("email", "ada.lovelace@example.com");
        assertThat(fixtures.syncRow("hubspot", "User", user.id).crmId).isEqualTo(crmId);
    }

    @Test
    void forceIgnoresTheStoredDigest() {
        User user = fixtures.user("ada@example.com", "Ada");
        etlify.crm("hubspot").syncNow(user);

        assertThat(etlify.crm("hubspot").forceSyncNow(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(hubspot.callCount("upsert")).isEqualTo(2);
    }

    @Test
    void guardRejectionSkipsButAdvancesSyncTimeAndWatermark() {
        User user = fixtures.user(null, "Nomail");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SKIPPED);

        assertThat(hubspot.calls()).isEmpty();
        CrmSynchronisation row = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(row.lastSyncedAt).isNotNull();
        assertThat(row.sourceWatermark.toInstant()).isEqualTo(user.updatedAt.truncatedTo(ChronoUnit.MICROS));
        assertThat(row.lastDigest).isNull();
        assertThat(row.crmId).isNull();
    }

    @Test
    void aGuardRejectionClearsTheErrorsOfARecordLeftOutOfBatchSyncsWhichReturnsOnceAccepted() {
        User user = fixtures.user("ada@example.com", "Ada");
        for (int i = 0; i < 5; i++) { // hubspot's max-sync-errors
            hubspot.failNext(new CrmValidationException("Property email is invalid", 400, "VALIDATION_ERROR", null, null));
            assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.ERROR);
        }
        fixtures.update(user, u -> u.lastName = "Lovelace");
        assertThat(etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline()).total())
                .as("left out of batch syncs").isZero();

        fixtures.update(user, u -> u.email = null);
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SKIPPED);

        CrmSynchronisation skipped = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(skipped.errorCount).isZero();
        assertThat(skipped.lastError).isNull();
        fixtures.update(user, u -> u.email = "ada@example.com");
        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline());
        assertThat(stats.total()).isEqualTo(1);
        assertThat(stats.errors()).isZero();
        assertThat(fixtures.syncRow("hubspot", "User", user.id).crmId).isNotNull();
    }

    @Test
    void failuresOfTheCrmAsAWholeDeferTheRecordWithoutCountingAndRequestItAgain() {
        User user = fixtures.user("ada@example.com", "Ada");
        // the CRM stays unreachable, for the queue's workers too, until reset
        hubspot.failWhen(call -> true, new CrmApiException(
                "HubSpot is down (Authorization: Bearer pat-na1-it-secret-token-0001)", 503, "INTERNAL_ERROR", "corr-1", null));

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.DEFERRED);
        assertThat(fixtures.syncRow("hubspot", "User", user.id).lastError).contains("corr-1")
                .doesNotContain("pat-na1-it-secret-token-0001");
        hubspot.failWhen(call -> true, new CrmTransportException("connection reset", null));
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.DEFERRED);

        CrmSynchronisation deferred = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(deferred.errorCount).isZero();
        assertThat(deferred.lastError).contains("CrmTransportException", "connection reset");
        assertThat(deferred.syncRequestedAt).as("the durable queue takes it from here").isNotNull();
        hubspot.reset();
        await().atMost(Duration.ofSeconds(10)).until(() -> hubspot.count("contacts") == 1);
        assertThat(fixtures.syncRow("hubspot", "User", user.id).errorCount).isZero();
    }

    @Test
    void failuresCountUpStoreTheErrorWithoutSecretsAndASuccessClearsThem() {
        User user = fixtures.user("ada@example.com", "Ada");
        hubspot.failNext(new CrmValidationException("HubSpot refused it (Authorization: Bearer pat-na1-it-secret-token-0001)",
                400, "VALIDATION_ERROR", "corr-1", null));
        hubspot.failNext(new CrmValidationException("Property email is invalid", 400, "VALIDATION_ERROR", null, null));

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.ERROR);
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.ERROR);

        CrmSynchronisation failed = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(failed.errorCount).isEqualTo(2);
        assertThat(failed.lastError).contains("CrmValidationException", "email is invalid");
        assertThat(failed.crmId).isNull();

        hubspot.failNext(new CrmApiException("again, token pat-na1-it-secret-token-0001", 422, null, "corr-2", null));
        etlify.crm("hubspot").syncNow(user);
        assertThat(fixtures.syncRow("hubspot", "User", user.id).lastError)
                .contains("corr-2").doesNotContain("pat-na1-it-secret-token-0001");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        CrmSynchronisation recovered = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(recovered.errorCount).isZero();
        assertThat(recovered.lastError).isNull();
    }

    @Test
    void aFailingSerializerIsAnErrorToo() {
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.plan = null; // Map.of rejects null values
            s.persist();
            return s;
        });

        assertThat(etlify.crm("hubspot").syncNow(subscription)).isEqualTo(SyncResult.ERROR);
        assertThat(fixtures.syncRow("hubspot", "Subscription", subscription.id).errorCount).isEqualTo(1);
    }

    @Test
    void syncNowRefusesToRunInsideTheCallersTransaction() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> etlify.crm("hubspot").syncNow(user)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not run inside a transaction");
        assertThat(hubspot.calls()).isEmpty();
    }

    @Test
    void payloadIsTheSerializersOutput() {
        User user = fixtures.user("ada@example.com", "Ada");

        Map<String, Object> payload = QuarkusTransaction.requiringNew()
                .call(() -> etlify.crm("hubspot").payload(User.findById(user.id)));

        assertThat(payload).containsEntry("email", "ada@example.com").containsEntry("firstname", "Ada")
                .containsEntry("investment_count", 0);
    }

    @Test
    void unmappedCrmOrUnknownCrmAreClearErrors() {
        Company company = fixtures.company("Acme");

        assertThatThrownBy(() -> etlify.crm("mirror").syncNow(company))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not mapped to CRM 'mirror'");
        assertThatThrownBy(() -> etlify.crm("salesforce"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No CRM named 'salesforce'");
    }

    @Test
    void aRecordThatNoLongerExistsIsSkipped() {
        assertThat(etlify.crm("hubspot").syncNow(User.class, 987654L)).isEqualTo(SyncResult.SKIPPED);
        assertThat(hubspot.calls()).isEmpty();
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
