package io.quarkiverse.etlify.runtime.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.runtime.mapping.Freshness;

/**
 * Reads and writes sync rows with plain SQL on the current transaction's connection: upserts, many
 * rows per statement on PostgreSQL (arrays) and batched elsewhere, in key order, safe when two
 * instances write the same rows.
 * Every method requires an active transaction.
 */
@ApplicationScoped
public class SyncStateStore {

    private static final String SYNCED = "crm_id = {new}.crm_id, last_digest = {new}.last_digest,"
            + " last_synced_at = {new}.last_synced_at, source_watermark = {new}.source_watermark,"
            + " source_dependency_count = {new}.source_dependency_count, last_error = NULL, error_count = 0,"
            + " next_attempt_at = NULL, create_unconfirmed_at = NULL, updated_at = {new}.updated_at";
    private static final String UNCHANGED = "last_synced_at = {new}.last_synced_at,"
            + " source_watermark = {new}.source_watermark, source_dependency_count = {new}.source_dependency_count,"
            + " updated_at = {new}.updated_at";
    // a record the guard rejects is no longer failing (the gem resets its error state): batch syncs see it again
    private static final String SKIPPED = UNCHANGED + ", error_count = 0, last_error = NULL";
    private static final String FAILED = "error_count = old.error_count + 1, last_error = {new}.last_error,"
            + " updated_at = {new}.updated_at";
    // a record whose sync landed on a CRM record another record holds: counted like a failure, and the CRM id
    // and digest it may hold forgotten, so that it never writes that CRM record by id again
    private static final String TAKEN = "crm_id = NULL, last_digest = NULL, create_unconfirmed_at = NULL, " + FAILED;
    private static final String DEFERRED = "last_error = {new}.last_error, updated_at = {new}.updated_at";
    // a record requested in two lanes keeps the more urgent one until its request is completed
    private static final String REQUESTED = "sync_requested_at = {new}.sync_requested_at,"
            + " sync_lane = CASE WHEN old.sync_requested_at IS NOT NULL AND old.sync_lane < {new}.sync_lane"
            + " THEN old.sync_lane ELSE {new}.sync_lane END, updated_at = {new}.updated_at";
    // a request pending in the same lane or a more urgent one, that no worker holds, already covers a new one: the
    // row is left as it is (no row version, no index entry written) and keeps its turn; a claimed row is re-requested,
    // so that its worker's completion keeps the newer request
    private static final String REQUESTED_UNLESS_PENDING = "NOT (old.sync_requested_at IS NOT NULL"
            + " AND old.claimed_by IS NULL AND old.sync_lane <= {new}.sync_lane)";
    private static final int IN_LIST_SIZE = 500;
    /** Rows written per array statement. */
    private static final int ARRAY_CHUNK = 5_000;

    /** The statements of {@link #markSyncedReleasing} by number of holder types, built once (none: not here). */
    private final Map<Integer, Optional<String>> syncedReleasing = new ConcurrentHashMap<>();

    /** The row of a record, or {@code null}. */
    public SyncRow find(SyncKey key) {
        return findAll(key.crmName(), key.resourceType(), List.of(key.resourceId())).get(key.resourceId());
    }

    /** The rows of several records of one type, by resource id (absent when none). */
    public Map<String, SyncRow> findAll(String crmName, String resourceType, Collection<String> resourceIds) {
        return Jdbc.work(connection -> {
            Map<String, SyncRow> rows = new HashMap<>();
            List<String> ids = new ArrayList<>(resourceIds);
            if (ids.size() > 1) {
                Jdbc.dialect(connection).planForActualValues(connection);
            }
            for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE));
                String sql = "SELECT resource_id, crm_id, last_digest, error_count, create_unconfirmed_at"
                        + " FROM crm_synchronisations"
                        + " WHERE crm_name = ? AND resource_type = ? AND resource_id IN ("
                        + String.join(", ", chunk.stream().map(id -> "?").toList()) + ")";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, crmName);
                    statement.setString(2, resourceType);
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(3 + i, chunk.get(i));
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            rows.put(rs.getString(1), new SyncRow(rs.getString(2), rs.getString(3), rs.getInt(4),
                                    rs.getObject(5) != null));
                        }
                    }
                }
            }
            return rows;
        });
    }

    /** Records a successful sync: CRM id, digest, freshness; error cleared. */
    public void markSynced(SyncKey key, String crmId, String digest, Freshness freshness) {
        write(SYNCED, List.of(RowValues.synced(key, crmId, digest, freshness)));
    }

    /**
     * Like {@link #markSynced}, and gives back {@code owner}'s claim on the record, in one statement, unless another
     * record of {@code holderTypes} (of the same CRM) holds that CRM id: then nothing is written, the claim is given
     * back all the same.
     *
     * @return whether the row was written; {@code null} when the database needs separate statements (nothing done)
     */
    public Boolean markSyncedReleasing(SyncKey key, String crmId, String digest, Freshness freshness,
            List<String> holderTypes, String owner) {
        return Jdbc.work(connection -> {
            SqlDialect dialect = Jdbc.dialect(connection);
            String sql = syncedReleasing.computeIfAbsent(holderTypes.size(),
                    types -> Optional.ofNullable(dialect.upsertSyncedReleasing(SYNCED, types))).orElse(null);
            if (sql == null) {
                return null;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, key.crmName());
                statement.setString(2, key.resourceType());
                statement.setString(3, key.resourceId());
                statement.setString(4, owner);
                int i = bind(statement, 4, RowValues.synced(key, crmId, digest, freshness), Jdbc.now());
                statement.setString(i++, crmId);
                statement.setString(i++, key.crmName());
                for (String type : holderTypes) {
                    statement.setString(i++, type);
                }
                statement.setString(i++, key.resourceType());
                statement.setString(i, key.resourceId());
                return statement.executeUpdate() > 0;
            }
        });
    }

    /** Records successful syncs of many records in one batch. */
    public void markSyncedAll(List<RowValues> rows) {
        write(SYNCED, rows);
    }

    /** Records an unmodified record: only the sync time and freshness move. */
    public void markUnchanged(SyncKey key, Freshness freshness) {
        markUnchangedAll(List.of(RowValues.unchanged(key, freshness)));
    }

    /** Records unmodified records in one batch. */
    public void markUnchangedAll(List<RowValues> rows) {
        write(UNCHANGED, rows);
    }

    /** Records records the guard rejected: like {@link #markUnchangedAll}, and their error count and error cleared. */
    public void markSkippedAll(List<RowValues> rows) {
        write(SKIPPED, rows);
    }

    /** Records failures of many records in one batch. */
    public void markFailedAll(List<RowValues> rows) {
        write(FAILED, rows);
    }

    /**
     * Records records whose sync landed on a CRM record another record holds: like {@link #markFailedAll}, and
     * their CRM id and digest forgotten.
     */
    public void markCrmRecordTakenAll(List<RowValues> rows) {
        write(TAKEN, rows);
    }

    /** Records failures that are not the records' fault (the CRM could not take them): error stored, count unchanged. */
    public void markDeferredAll(List<RowValues> rows) {
        write(DEFERRED, rows);
    }

    /**
     * Records creates whose outcome is unknown (their answer was lost): like {@link #markDeferredAll},
     * and the next sync of each record first looks for what the lost create wrote.
     */
    public void markCreateUnconfirmedAll(List<RowValues> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // the rows of never-synced records are inserted first; the mark is no column of an insert
        write(DEFERRED, rows);
        Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_synchronisations"
                    + " SET create_unconfirmed_at = ? WHERE crm_name = ? AND resource_type = ? AND resource_id = ?")) {
                OffsetDateTime now = Jdbc.now();
                for (RowValues row : rows) {
                    statement.setObject(1, now, Types.TIMESTAMP_WITH_TIMEZONE);
                    statement.setString(2, row.key().crmName());
                    statement.setString(3, row.key().resourceType());
                    statement.setString(4, row.key().resourceId());
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    /** Records durable sync requests in the urgent lane (one row per record: repeated requests collapse). */
    public void requestSync(Collection<SyncKey> keys) {
        requestSync(keys, SyncLane.URGENT);
    }

    /** Records durable sync requests in a lane of the queue (one row per record: repeated requests collapse). */
    public void requestSync(Collection<SyncKey> keys, SyncLane lane) {
        OffsetDateTime now = Jdbc.now();
        write(REQUESTED, REQUESTED_UNLESS_PENDING,
                keys.stream().map(key -> new RowValues(key, null, null, null, null, 0, now, lane)).toList());
    }

    /**
     * Records durable requests to delete records from the CRM, in the urgent lane: the queue's workers delete each
     * by the CRM id its sync row holds (or will hold, when a sync in flight writes it), then remove the row. A
     * record without sync row gets one, so that a first sync still in flight cannot leave its CRM record behind.
     */
    public void requestDeletes(Collection<SyncKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        requestSync(keys, SyncLane.URGENT);
        Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_synchronisations"
                    + " SET delete_requested_at = ? WHERE crm_name = ? AND resource_type = ? AND resource_id = ?")) {
                OffsetDateTime now = Jdbc.now();
                for (SyncKey key : new TreeSet<>(keys)) {
                    statement.setObject(1, now, Types.TIMESTAMP_WITH_TIMEZONE);
                    statement.setString(2, key.crmName());
                    statement.setString(3, key.resourceType());
                    statement.setString(4, key.resourceId());
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    /** Withdraws the delete requests of records that exist again: their requests become syncs. */
    public void cancelDeletes(Collection<SyncKey> keys) {
        Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_synchronisations"
                    + " SET delete_requested_at = NULL WHERE crm_name = ? AND resource_type = ? AND resource_id = ?")) {
                for (SyncKey key : new TreeSet<>(keys)) {
                    statement.setString(1, key.crmName());
                    statement.setString(2, key.resourceType());
                    statement.setString(3, key.resourceId());
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    /** Removes the sync rows of records deleted from the CRM, unless their delete request was withdrawn meanwhile. */
    public void removeDeleted(Collection<SyncKey> keys) {
        Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM crm_synchronisations"
                    + " WHERE crm_name = ? AND resource_type = ? AND resource_id = ? AND delete_requested_at IS NOT NULL")) {
                for (SyncKey key : new TreeSet<>(keys)) {
                    statement.setString(1, key.crmName());
                    statement.setString(2, key.resourceType());
                    statement.setString(3, key.resourceId());
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    /** Forgets the digests of records so that their next sync calls the CRM whatever the payload. */
    public void forgetDigests(Collection<SyncKey> keys) {
        Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_synchronisations"
                    + " SET last_digest = NULL WHERE crm_name = ? AND resource_type = ? AND resource_id = ?")) {
                for (SyncKey key : keys) {
                    statement.setString(1, key.crmName());
                    statement.setString(2, key.resourceType());
                    statement.setString(3, key.resourceId());
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    /** Forgets the CRM id and digest of a record deleted from the CRM, so a later sync creates it again. */
    public void forgetCrmId(SyncKey key) {
        Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_synchronisations"
                    + " SET crm_id = NULL, last_digest = NULL, updated_at = ?"
                    + " WHERE crm_name = ? AND resource_type = ? AND resource_id = ?")) {
                statement.setObject(1, Jdbc.now());
                statement.setString(2, key.crmName());
                statement.setString(3, key.resourceType());
                statement.setString(4, key.resourceId());
                return statement.executeUpdate();
            }
        });
    }

    private void write(String updateSet, List<RowValues> rows) {
        write(updateSet, null, rows);
    }

    private void write(String updateSet, String updateWhen, List<RowValues> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // in key order, so that two instances writing the same rows lock them in the same order
        List<RowValues> sorted = new ArrayList<>(rows.stream()
                .collect(Collectors.toMap(RowValues::key, row -> row, (first, last) -> last, TreeMap::new)).values());
        Jdbc.work(connection -> {
            SqlDialect dialect = Jdbc.dialect(connection);
            OffsetDateTime now = Jdbc.now();
            String many = dialect.upsertSyncRows(updateSet, updateWhen);
            if (many != null && sorted.size() > 1) {
                for (int from = 0; from < sorted.size(); from += ARRAY_CHUNK) {
                    writeArrays(connection, many, sorted.subList(from, Math.min(sorted.size(), from + ARRAY_CHUNK)), now);
                }
                return sorted.size();
            }
            try (PreparedStatement statement = connection.prepareStatement(dialect.upsertSyncRow(updateSet, updateWhen))) {
                for (RowValues row : sorted) {
                    bind(statement, row, now);
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    private static void writeArrays(Connection connection, String sql, List<RowValues> rows, OffsetDateTime now)
            throws SQLException {
        List<Object[]> columns = new ArrayList<>();
        for (int c = 0; c < SqlDialect.SYNC_ARRAY_COLUMNS.size(); c++) {
            columns.add(new Object[rows.size()]);
        }
        for (int i = 0; i < rows.size(); i++) {
            RowValues row = rows.get(i);
            Freshness freshness = row.freshness();
            Object[] values = { row.key().crmName(), row.key().resourceType(), row.key().resourceId(), row.crmId(),
                    row.digest(), freshness == null ? null : freshness.watermark().toString(), row.error(),
                    row.errorCount(), freshness == null ? null : freshness.dependencyCount(),
                    row.requestedAt() == null ? null : row.requestedAt().toInstant().toString(),
                    row.lane() == null ? null : row.lane().code() };
            for (int c = 0; c < values.length; c++) {
                columns.get(c)[i] = values[c];
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, now, Types.TIMESTAMP_WITH_TIMEZONE);
            for (int c = 0; c < columns.size(); c++) {
                statement.setArray(2 + c, connection.createArrayOf(SqlDialect.SYNC_ARRAY_COLUMNS.get(c), columns.get(c)));
            }
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, RowValues row, OffsetDateTime now) throws SQLException {
        bind(statement, 0, row, now);
    }

    /** Binds the {@link SqlDialect#SYNC_COLUMNS} after placeholder {@code before}; returns the next placeholder. */
    private static int bind(PreparedStatement statement, int before, RowValues row, OffsetDateTime now)
            throws SQLException {
        statement.setString(before + 1, row.key().crmName());
        statement.setString(before + 2, row.key().resourceType());
        statement.setString(before + 3, row.key().resourceId());
        statement.setString(before + 4, row.crmId());
        statement.setString(before + 5, row.digest());
        statement.setObject(before + 6, now, Types.TIMESTAMP_WITH_TIMEZONE);
        Freshness freshness = row.freshness();
        statement.setObject(before + 7, freshness == null ? null : freshness.watermark().atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setString(before + 8, row.error());
        statement.setInt(before + 9, row.errorCount());
        statement.setObject(before + 10, now, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(before + 11, now, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(before + 12, freshness == null ? null : freshness.dependencyCount(), Types.BIGINT);
        statement.setObject(before + 13, row.requestedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setObject(before + 14, row.lane() == null ? null : row.lane().code(), Types.SMALLINT);
        return before + 15;
    }

    /** Values of one sync row write; {@code requestedAt} and {@code lane} only for requests. */
    public record RowValues(SyncKey key, String crmId, String digest, Freshness freshness, String error, int errorCount,
            OffsetDateTime requestedAt, SyncLane lane) {

        public static RowValues synced(SyncKey key, String crmId, String digest, Freshness freshness) {
            return new RowValues(key, crmId, digest, freshness, null, 0, null, null);
        }

        public static RowValues unchanged(SyncKey key, Freshness freshness) {
            return new RowValues(key, null, null, freshness, null, 0, null, null);
        }

        public static RowValues failed(SyncKey key, String error) {
            return new RowValues(key, null, null, null, error, 1, null, null);
        }

        /** A failure not counted against the record: a new row starts at no error. */
        public static RowValues deferred(SyncKey key, String error) {
            return new RowValues(key, null, null, null, error, 0, null, null);
        }
    }
}
