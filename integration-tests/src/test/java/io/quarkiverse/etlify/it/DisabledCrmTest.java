package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The seed's enabled-flag table (UPGRADING 0.11.0, section 4) for sync, syncNow, delete and isEnabled. */
@QuarkusTest
@PostgresTest
@TestProfile(DisabledCrmTest.MirrorDisabled.class)
class DisabledCrmTest {

    public static class MirrorDisabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.etlify.crm.mirror.enabled", "false");
        }
    }

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @Inject
    SyncStateStore store;

    @Inject
    CrmRegistry crmRegistry;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void aDisabledCrmIsANoOpWithTheGemsReturnValues() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.isEnabled("mirror")).isFalse();
        assertThat(etlify.crm("mirror").isEnabled()).isFalse();
        assertThat(etlify.crm("mirror").sync(user)).isTrue();
        assertThat(etlify.crm("mirror").syncNow(user)).isEqualTo(SyncResult.DISABLED);
        assertThat(etlify.crm("mirror").forceSyncNow(user)).isEqualTo(SyncResult.DISABLED);
        assertThat(etlify.crm("mirror").delete(user)).isEqualTo(DeleteResult.DISABLED);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> crms.get("mirror").calls().isEmpty());
        assertThat(fixtures.syncRows("mirror")).isZero();
    }

    @Test
    void otherCrmsKeepSyncing() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.sync(user)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> crms.get("hubspot").callCount("upsert") == 1);
        assertThat(etlify.isEnabled("hubspot")).isTrue();
        assertThat(crms.get("mirror").calls()).isEmpty();
        assertThat(fixtures.syncRows("mirror")).isZero();
    }

    @Test
    void nothingOfTheEngineRunsForADisabledCrm() {
        User user = fixtures.user("ada@example.com", "Ada");
        // a request recorded for it anyway (e.g. before it was switched off) stays where it is
        QuarkusTransaction.requiringNew().run(() -> store.requestSync(java.util.List.of(
                new SyncKey("mirror", "User", user.id.toString()))));

        assertThat(crmRegistry.find("mirror")).as("no adapter, no engine state").isEmpty();
        assertThat(crmRegistry.disabledNames()).containsExactly("mirror");
        assertThat(etlify.crm("mirror").state().condition()).isEqualTo(CrmState.Condition.DISABLED);
        assertThat(etlify.batchSync(BatchSync.options().crm("mirror").inline()).total()).isZero();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> crms.get("mirror").calls().isEmpty());
        assertThat(fixtures.syncRow("mirror", "User", user.id).syncRequestedAt).as("no worker took it").isNotNull();
    }

    @Test
    void batchSyncSkipsTheDisabledCrmAndProcessesTheOthers() {
        fixtures.users(3);

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().models(User.class).inline());

        assertThat(stats.total()).as("only the enabled CRM's records").isEqualTo(3);
        assertThat(crms.get("hubspot").count("contacts")).isEqualTo(3);
        assertThat(crms.get("mirror").calls()).isEmpty();
        assertThat(fixtures.syncRows("mirror")).isZero();
    }

    @Test
    void unknownCrmsCountAsEnabled() {
        assertThat(etlify.isEnabled("salesforce")).isTrue();
    }
}
