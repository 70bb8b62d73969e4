package io.quarkiverse.etlify.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkiverse.etlify.mapping.Freshness;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Reads and writes sync rows with plain SQL on the current transaction's connection: one
 * statement per change, safe when two instances write the same row at once.
 */
@ApplicationScoped
public class SyncStateStore {

    private static final String SYNCED = "crm_id = {new}.crm_id, last_digest = {new}.last_digest,"
            + " last_synced_at = {new}.last_synced_at, source_watermark = {new}.source_watermark,"
            + " source_dependency_count = {new}.source_dependency_count, last_error = NULL, error_count = 0,"
            + " next_attempt_at = NULL, updated_at = {new}.updated_at";
    private static final String UNCHANGED = "last_synced_at = {new}.last_synced_at,"
            + " source_watermark = {new}.source_watermark, source_dependency_count = {new}.source_dependency_count,"
            + " updated_at = {new}.updated_at";
    private static final String FAILED = "error_count = old.error_count + 1, last_error = {new}.last_error,"
            + " updated_at = {new}.updated_at";

    private volatile SqlDialect dialect;

    /** The row of a record, or {@code null}. Requires a transaction. */
    public SyncRow find(SyncKey key) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT crm_id, last_digest, error_count"
                    + " FROM crm_synchronisations WHERE crm_name = ? AND resource_type = ? AND resource_id = ?")) {
                bindKey(statement, key);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? new SyncRow(rs.getString(1), rs.getString(2), rs.getInt(3)) : null;
                }
            }
        });
    }

    /** Records a successful sync: CRM id, digest, watermark; error cleared. */
    public void markSynced(SyncKey key, String crmId, String digest, Freshness freshness) {
        upsert(key, SYNCED, crmId, digest, freshness, null, 0);
    }

    /** Records a skipped or unmodified record: only the sync time and watermark move. */
    public void markUnchanged(SyncKey key, Freshness freshness) {
        upsert(key, UNCHANGED, null, null, freshness, null, 0);
    }

    /** Records a failure: error count bumped, error stored. */
    public void markFailed(SyncKey key, String error) {
        upsert(key, FAILED, null, null, null, error, 1);
    }

    /** Forgets the CRM id and digest of a record deleted from the CRM, so a later sync creates it again. */
    public void forgetCrmId(SyncKey key) {
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_synchronisations"
                    + " SET crm_id = NULL, last_digest = NULL, updated_at = ?"
                    + " WHERE crm_name = ? AND resource_type = ? AND resource_id = ?")) {
                statement.setObject(1, now());
                statement.setString(2, key.crmName());
                statement.setString(3, key.resourceType());
                statement.setString(4, key.resourceId());
                return statement.executeUpdate();
            }
        });
    }

    private void upsert(SyncKey key, String updateSet, String crmId, String digest, Freshness freshness, String error,
            int errorCount) {
        work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(dialect(connection).upsertSyncRow(updateSet))) {
                OffsetDateTime now = now();
                bindKey(statement, key);
                statement.setString(4, crmId);
                statement.setString(5, digest);
                statement.setObject(6, now, Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setObject(7, freshness == null ? null : freshness.watermark().atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setString(8, error);
                statement.setInt(9, errorCount);
                statement.setObject(10, now, Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setObject(11, now, Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setObject(12, freshness == null ? null : freshness.dependencyCount(), Types.BIGINT);
                return statement.executeUpdate();
            }
        });
    }

    private SqlDialect dialect(Connection connection) throws SQLException {
        SqlDialect d = dialect;
        if (d == null) {
            dialect = d = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
        }
        return d;
    }

    private static void bindKey(PreparedStatement statement, SyncKey key) throws SQLException {
        statement.setString(1, key.crmName());
        statement.setString(2, key.resourceType());
        statement.setString(3, key.resourceId());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static <T> T work(SqlWork<T> work) {
        Session session = Panache.getEntityManager(CrmSynchronisation.class).unwrap(Session.class);
        return session.doReturningWork(work::run);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
