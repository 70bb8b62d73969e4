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
import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.mapping.MappingRegistry;
import io.quarkiverse.etlify.crm.CrmRegistry;
import io.quarkiverse.etlify.sync.BatchOutcome;
import io.quarkiverse.etlify.sync.BatchSynchronizer;
import io.quarkiverse.etlify.test.InMemoryCrms;
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
    BatchSynchronizer batchSynchronizer;

    @Inject
    CrmRegistry crmRegistry;

    @Inject
    MappingRegistry mappings;

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
    void theBatchSynchronizerOfADisabledCrmReportsEveryRecordDisabled() {
        User user = fixtures.user("ada@example.com", "Ada");

        BatchOutcome outcome = batchSynchronizer.sync(crmRegistry.find("mirror").orElseThrow(),
                mappings.mappingFor(User.class, "mirror").orElseThrow(), java.util.List.of(user.id), false);

        assertThat(outcome.results()).containsExactly(java.util.Map.entry(user.id.toString(), SyncResult.DISABLED));
        assertThat(outcome.count(SyncResult.DISABLED)).isEqualTo(1);
        assertThat(crms.get("mirror").calls()).isEmpty();
        assertThat(fixtures.syncRows("mirror")).isZero();
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
