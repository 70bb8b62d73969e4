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
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/** One entity mapped to two CRMs: independent state, one sync reaching both. */
@QuarkusTest
@PostgresTest
class MultiCrmTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void syncReachesEveryMappedCrm() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.sync(user)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> crms.get("hubspot").count("contacts") == 1
                && crms.get("mirror").count("people") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.syncRows("hubspot") == 1 && fixtures.syncRows("mirror") == 1);
    }

    @Test
    void eachCrmKeepsItsOwnState() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(fixtures.syncRows("mirror")).isZero();
        assertThat(etlify.crm("mirror").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("mirror").syncNow(user)).isEqualTo(SyncResult.NOT_MODIFIED);

        assertThat(fixtures.syncRow("hubspot", "User", user.id).crmId)
                .isNotEqualTo(null).isEqualTo(crms.get("hubspot").objects("contacts").keySet().iterator().next());
        assertThat(fixtures.syncRow("mirror", "User", user.id).crmId)
                .isEqualTo(crms.get("mirror").objects("people").keySet().iterator().next());
    }

    @Test
    void aGuardOnOneCrmDoesNotStopTheOther() {
        User user = fixtures.user(null, "Nomail");

        assertThat(etlify.sync(user)).as("hubspot's guard rejects it").isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> crms.get("mirror").callCount("upsert") == 1);
        assertThat(crms.get("hubspot").calls()).isEmpty();
    }

    @Test
    void aBatchSyncOverBothCrmsCountsEachCrmAndModelApart() {
        User first = fixtures.users(3).get(0);
        assertThat(etlify.crm("hubspot").syncNow(first)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("hubspot").countStale(User.class)).isEqualTo(2);
        assertThat(etlify.crm("mirror").countStale(User.class)).isEqualTo(3);

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot", "mirror").models(User.class).inline());

        assertThat(stats.perCrm().get("hubspot")).containsExactly(Map.entry("User", new BatchSyncStats.Counts(2, 0, 0)));
        assertThat(stats.perCrm().get("mirror")).containsExactly(Map.entry("User", new BatchSyncStats.Counts(3, 0, 0)));
        assertThat(stats.perModel()).as("the gem's per_model sums the CRMs").containsExactly(Map.entry("User", 5L));
        assertThat(stats.total()).isEqualTo(5);
        assertThat(etlify.crm("hubspot").countStale(User.class)).isZero();
        assertThat(etlify.crm("mirror").countStale(User.class)).isZero();
    }
}
