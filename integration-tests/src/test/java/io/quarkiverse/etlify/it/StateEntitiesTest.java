package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.PendingSync;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The schema is migrated with Etlify's own history, and the state entities are Panache-enhanced in a user's app. */
@QuarkusTest
@PostgresTest
class StateEntitiesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    Etlify etlify;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void migrationsUseTheirOwnHistoryTableBesideTheApplicationsFlyway() {
        List<Object> etlifyHistory = QuarkusTransaction.requiringNew().call(() -> (List<Object>) em
                .createNativeQuery("SELECT script FROM etlify_schema_history WHERE success ORDER BY installed_rank")
                .getResultList());
        List<Object> appHistory = QuarkusTransaction.requiringNew().call(() -> (List<Object>) em
                .createNativeQuery("SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .getResultList());
        assertThat(etlifyHistory).contains("V1__create_etlify_tables.sql", "V3__batch_and_queue.sql");
        assertThat(appHistory).contains("db/migration/V1__app_tables.sql")
                .allSatisfy(script -> assertThat(script.toString()).startsWith("db/migration/"));
    }

    @Test
    void uniqueIndexOnCrmTypeAndId() {
        List<?> indexes = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'crm_synchronisations' AND indexdef LIKE 'CREATE UNIQUE%'")
                .getResultList());
        assertThat(indexes).anySatisfy(
                index -> assertThat(index.toString()).contains("(crm_name, resource_type, resource_id)"));
    }

    @Test
    void syncStateIsReadAndOneRecordsErrorCountIsReset() {
        User user = fixtures.user("ada@example.com", "Ada");
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);

        QuarkusTransaction.requiringNew().run(() -> {
            CrmSynchronisation row = CrmSynchronisation.findByResource("hubspot", "User", user.id.toString());
            row.errorCount = 4;
            row.lastError = "boom";
        });
        assertThat(etlify.crm("hubspot").syncState(user)).hasValueSatisfying(state -> {
            assertThat(state.crmId()).isNotNull();
            assertThat(state.digestStored()).isTrue();
            assertThat(state.lastSyncedAt()).isNotNull();
            assertThat(state.errorCount()).isEqualTo(4);
            assertThat(state.lastError()).isEqualTo("boom");
        });

        assertThat(etlify.crm("hubspot").resetErrorCount(user)).isTrue();
        assertThat(etlify.crm("hubspot").resetErrorCount(user)).as("nothing left to reset").isFalse();

        assertThat(etlify.crm("hubspot").syncState(User.class, user.id)).hasValueSatisfying(state -> {
            assertThat(state.errorCount()).isZero();
            assertThat(state.lastError()).isNull();
        });
        assertThat(etlify.crm("hubspot").syncState(fixtures.user("bob@example.com", "Bob"))).isEmpty();
        CrmSynchronisation reset = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(reset.errorCount).isZero();
        assertThat(reset.lastError).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> CrmSynchronisation.count())).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PendingSync.count())).isZero();
    }

    @Test
    void bulkResetOfErrorCounts() {
        User ada = fixtures.user("ada@example.com", "Ada");
        User bob = fixtures.user("bob@example.com", "Bob");
        etlify.crm("hubspot").syncNow(ada);
        etlify.crm("hubspot").syncNow(bob);
        QuarkusTransaction.requiringNew().run(() -> CrmSynchronisation.update("errorCount = 3 where crmName = ?1", "hubspot"));

        long changed = etlify.crm("hubspot").resetErrorCounts();

        assertThat(changed).isEqualTo(2);
        assertThat(fixtures.syncRow("hubspot", "User", ada.id).errorCount).isZero();

        QuarkusTransaction.requiringNew().run(() -> CrmSynchronisation.update("errorCount = 4 where crmName = ?1", "hubspot"));
        assertThat(etlify.crm("hubspot").resetErrorCounts(Company.class)).isZero();
        assertThat(etlify.crm("hubspot").resetErrorCounts(User.class)).isEqualTo(2);
    }

    @Test
    void aForcedResyncRewritesEverySyncRowOnItsOwnPage() {
        fixtures.users(600);
        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline());
        Map<String, Long> before = syncRowPages();

        // every record stale, every row rewritten by one batch sync: heap-only updates leave each row on its page
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE app_users SET updated_at = updated_at + INTERVAL '1 second'")
                        .executeUpdate());
        assertThat(etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline().force()).total())
                .isEqualTo(600);

        Map<String, Long> after = syncRowPages();
        assertThat(after).hasSize(600);
        assertThat(before.values().stream().distinct().count()).as("pages holding the rows").isGreaterThan(10);
        assertThat(before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).count())
                .as("sync rows moved to another page").isZero();
    }

    /** The page (block number of ctid) of each sync row, by resource id. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> syncRowPages() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) em.createNativeQuery(
                "SELECT resource_id, CAST((CAST(CAST(ctid AS TEXT) AS POINT))[0] AS BIGINT) FROM crm_synchronisations"
                        + " WHERE crm_name = 'hubspot' AND resource_type = 'User'")
                .getResultList());
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }
}
