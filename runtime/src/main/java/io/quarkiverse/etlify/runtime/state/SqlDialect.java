package io.quarkiverse.etlify.runtime.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The SQL that differs between the supported databases: all of it lives here. */
public enum SqlDialect {

    POSTGRESQL {
        @Override
        public String nowPlusMillis() {
            return "(CURRENT_TIMESTAMP + ? * INTERVAL '1 millisecond')";
        }

        @Override
        String acquireLease() {
            return "INSERT INTO etlify_leases AS old (name, owner, expires_at) VALUES (?, ?, " + nowPlusMillis() + ")"
                    + " ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at"
                    + " WHERE old.expires_at < CURRENT_TIMESTAMP OR old.owner = EXCLUDED.owner";
        }

        @Override
        String insertPendingSync() {
            return "INSERT INTO etlify_pending_syncs (" + PENDING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING";
        }

        @Override
        void planForActualValues(Connection connection) throws SQLException {
            // a generic plan is costed with the statistics of the last ANALYZE: right after
            // crm_synchronisations grew from empty it scans the CRM's rows instead of using the unique index
            setLocal(connection, "plan_cache_mode = force_custom_plan");
        }

        @Override
        public void aggregateBySorting(Connection connection) throws SQLException {
            // a window's dependency rows arrive sorted by owner from their indexes: aggregated as they come,
            // they merge with the owners and sync rows without hash tables (5-11 % less time per window in
            // benchmark (d)); a window bounds what any sort could cost
            setLocal(connection, "enable_hashagg = off");
        }

        @Override
        String upsertSyncRow(String updateSet, String updateWhen) {
            return "INSERT INTO crm_synchronisations AS old (" + String.join(", ", SYNC_COLUMNS) + ") VALUES ("
                    + placeholders() + ") ON CONFLICT (crm_name, resource_type, resource_id) DO UPDATE SET "
                    + updateSet.replace("{new}", "EXCLUDED") + where(updateWhen);
        }

        @Override
        String upsertSyncRows(String updateSet, String updateWhen) {
            // one statement for many rows: the varying columns bound as arrays, the time once
            return "INSERT INTO crm_synchronisations AS old (" + String.join(", ", SYNC_COLUMNS) + ")"
                    + " SELECT r.crm_name, r.resource_type, r.resource_id, r.crm_id, r.last_digest, t.now,"
                    + " r.source_watermark, r.last_error, r.error_count, t.now, t.now, r.source_dependency_count,"
                    + " r.sync_requested_at, r.sync_lane FROM (SELECT CAST(? AS TIMESTAMP WITH TIME ZONE) AS now) t,"
                    + " unnest(CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]),"
                    + " CAST(? AS VARCHAR[]), CAST(? AS TIMESTAMP WITH TIME ZONE[]), CAST(? AS TEXT[]),"
                    + " CAST(? AS INTEGER[]), CAST(? AS BIGINT[]), CAST(? AS TIMESTAMP WITH TIME ZONE[]),"
                    + " CAST(? AS SMALLINT[])) AS r(crm_name, resource_type, resource_id, crm_id, last_digest,"
                    + " source_watermark, last_error, error_count, source_dependency_count, sync_requested_at, sync_lane)"
                    + " ON CONFLICT (crm_name, resource_type, resource_id) DO UPDATE SET "
                    + updateSet.replace("{new}", "EXCLUDED") + where(updateWhen);
        }

        @Override
        public String settleRequests() {
            // a done request (no delay) is cleared unless requested again since it was claimed; both CASEs read the
            // row as it was, so a newer request keeps its time and its lane
            return "UPDATE crm_synchronisations s SET sync_requested_at = CASE WHEN r.delay_ms IS NULL"
                    + " AND s.sync_requested_at <= r.requested_at THEN NULL ELSE s.sync_requested_at END,"
                    + " sync_lane = CASE WHEN r.delay_ms IS NULL AND s.sync_requested_at <= r.requested_at THEN NULL"
                    + " ELSE s.sync_lane END, next_attempt_at = CASE WHEN r.delay_ms IS NULL THEN NULL"
                    + " ELSE CURRENT_TIMESTAMP + r.delay_ms * INTERVAL '1 millisecond' END,"
                    + " claimed_by = NULL, claimed_until = NULL"
                    + " FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TIMESTAMP WITH TIME ZONE[]), CAST(? AS BIGINT[]))"
                    + " AS r(id, requested_at, delay_ms) WHERE s.id = r.id AND s.claimed_by = ?";
        }

        private static String where(String updateWhen) {
            return updateWhen == null ? "" : " WHERE " + updateWhen.replace("{new}", "EXCLUDED");
        }

        @Override
        Set<String> claimRecords(Connection connection, String crmName, String resourceType, List<String> resourceIds,
                String owner, long leaseMillis) throws SQLException {
            // one statement: free or expired claims taken, the others untouched; the ids taken come back
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO etlify_claims AS old"
                    + " (crm_name, resource_type, resource_id, owner, claimed_until) SELECT ?, ?, r.id, ?, "
                    + nowPlusMillis() + " FROM unnest(CAST(? AS VARCHAR[])) AS r(id)"
                    + " ON CONFLICT (crm_name, resource_type, resource_id) DO UPDATE SET owner = EXCLUDED.owner,"
                    + " claimed_until = EXCLUDED.claimed_until"
                    + " WHERE old.claimed_until < CURRENT_TIMESTAMP OR old.owner = EXCLUDED.owner"
                    + " RETURNING resource_id")) {
                statement.setString(1, crmName);
                statement.setString(2, resourceType);
                statement.setString(3, owner);
                statement.setLong(4, leaseMillis);
                statement.setArray(5, connection.createArrayOf("varchar", resourceIds.toArray()));
                Set<String> claimed = new HashSet<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(rs.getString(1));
                    }
                }
                return claimed;
            }
        }

        @Override
        public String claimReadingRow(String headSql) {
            // the sync row is read FOR SHARE before the claim is inserted (the claim's source reads it): a writer
            // still holding the row (the previous holder's completion, which also releases its claim) is waited
            // for and its version read, so a row read here is the latest; a row inserted since this statement's
            // snapshot is not seen, hence the caller re-reads a row it did not find. The head runs first.
            return "WITH head_read AS (" + headSql + "), sync_read AS (SELECT TRUE AS present, crm_id,"
                    + " last_digest, error_count, create_unconfirmed_at FROM crm_synchronisations"
                    + " WHERE crm_name = ? AND resource_type = ? AND resource_id = ? FOR SHARE),"
                    + " claim_taken AS (INSERT INTO etlify_claims AS old"
                    + " (crm_name, resource_type, resource_id, owner, claimed_until) SELECT ?, ?, ?, ?, "
                    + nowPlusMillis() + " FROM (SELECT COUNT(*) FROM sync_read) AS row_locked"
                    + " ON CONFLICT (crm_name, resource_type, resource_id) DO UPDATE SET owner = EXCLUDED.owner,"
                    + " claimed_until = EXCLUDED.claimed_until"
                    + " WHERE old.claimed_until < CURRENT_TIMESTAMP OR old.owner = EXCLUDED.owner RETURNING 1)"
                    + " SELECT (SELECT COUNT(*) FROM claim_taken), sync_read.present, sync_read.crm_id,"
                    + " sync_read.last_digest, sync_read.error_count, sync_read.create_unconfirmed_at, head_read.*"
                    + " FROM (SELECT 1) AS one LEFT JOIN sync_read ON TRUE LEFT JOIN head_read ON TRUE";
        }

        @Override
        String upsertSyncedReleasing(String updateSet, int holderTypes) {
            // the claim's release runs in the same statement; the row is written only when no other record of the
            // listed types holds its CRM id (nothing written: see CrmRecordConflicts)
            return "WITH released AS (DELETE FROM etlify_claims WHERE crm_name = ? AND resource_type = ?"
                    + " AND resource_id = ? AND owner = ?) INSERT INTO crm_synchronisations AS old ("
                    + String.join(", ", SYNC_COLUMNS) + ") SELECT " + placeholders()
                    + " WHERE NOT EXISTS (SELECT 1 FROM crm_synchronisations h WHERE h.crm_id = ? AND h.crm_name = ?"
                    + " AND h.resource_type IN (" + String.join(", ", Collections.nCopies(holderTypes, "?"))
                    + ") AND NOT (h.resource_type = ? AND h.resource_id = ?))"
                    + " ON CONFLICT (crm_name, resource_type, resource_id) DO UPDATE SET "
                    + updateSet.replace("{new}", "EXCLUDED");
        }

        @Override
        String insertRateLimitRow() {
            return "INSERT INTO etlify_rate_limits (crm_name, created_at) VALUES (?, clock_timestamp())"
                    + " ON CONFLICT (crm_name) DO NOTHING";
        }

        @Override
        OffsetDateTime now(Connection connection) throws SQLException {
            // clock_timestamp(), not now(): now() is frozen at the start of the transaction, which may
            // have waited for the lock
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT clock_timestamp()")) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    },

    H2 {
        @Override
        public String nowPlusMillis() {
            return "DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)";
        }

        @Override
        String acquireLease() {
            return "MERGE INTO etlify_leases old USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(128)), "
                    + nowPlusMillis() + ")) AS new_row(name, owner, expires_at) ON old.name = new_row.name"
                    + " WHEN MATCHED AND (old.expires_at < CURRENT_TIMESTAMP OR old.owner = new_row.owner) THEN UPDATE"
                    + " SET owner = new_row.owner, expires_at = new_row.expires_at"
                    + " WHEN NOT MATCHED THEN INSERT (name, owner, expires_at)"
                    + " VALUES (new_row.name, new_row.owner, new_row.expires_at)";
        }

        @Override
        String insertPendingSync() {
            return "MERGE INTO etlify_pending_syncs old USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)),"
                    + " CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(64)),"
                    + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS TIMESTAMP(6) WITH TIME ZONE))) AS new_row("
                    + PENDING_COLUMNS + ") ON old.dependent_type = new_row.dependent_type"
                    + " AND old.dependent_id = new_row.dependent_id AND old.dependency_type = new_row.dependency_type"
                    + " AND old.dependency_id = new_row.dependency_id AND old.crm_name = new_row.crm_name"
                    + " WHEN NOT MATCHED THEN INSERT (" + PENDING_COLUMNS + ") VALUES (new_row.dependent_type,"
                    + " new_row.dependent_id, new_row.dependency_type, new_row.dependency_id, new_row.crm_name,"
                    + " new_row.created_at, new_row.updated_at)";
        }

        @Override
        String upsertSyncRow(String updateSet, String updateWhen) {
            return "MERGE INTO crm_synchronisations old USING (VALUES (" + typedPlaceholders() + ")) AS new_row("
                    + String.join(", ", SYNC_COLUMNS) + ") ON old.crm_name = new_row.crm_name"
                    + " AND old.resource_type = new_row.resource_type AND old.resource_id = new_row.resource_id"
                    + " WHEN MATCHED" + (updateWhen == null ? "" : " AND " + updateWhen.replace("{new}", "new_row"))
                    + " THEN UPDATE SET " + updateSet.replace("{new}", "new_row")
                    + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", SYNC_COLUMNS) + ") VALUES ("
                    + String.join(", ", SYNC_COLUMNS.stream().map(c -> "new_row." + c).toList()) + ")";
        }

        @Override
        Set<String> claimRecords(Connection connection, String crmName, String resourceType, List<String> resourceIds,
                String owner, long leaseMillis) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("MERGE INTO etlify_claims old USING"
                    + " (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)),"
                    + " CAST(? AS VARCHAR(128)), " + nowPlusMillis() + ")) AS new_row(crm_name, resource_type,"
                    + " resource_id, owner, claimed_until) ON old.crm_name = new_row.crm_name"
                    + " AND old.resource_type = new_row.resource_type AND old.resource_id = new_row.resource_id"
                    + " WHEN MATCHED AND (old.claimed_until < CURRENT_TIMESTAMP OR old.owner = new_row.owner)"
                    + " THEN UPDATE SET owner = new_row.owner, claimed_until = new_row.claimed_until"
                    + " WHEN NOT MATCHED THEN INSERT (crm_name, resource_type, resource_id, owner, claimed_until)"
                    + " VALUES (new_row.crm_name, new_row.resource_type, new_row.resource_id, new_row.owner,"
                    + " new_row.claimed_until)")) {
                Set<String> claimed = new HashSet<>();
                // one statement per record: H2's MERGE does not wait for a concurrent insert of the same key, it
                // fails with a duplicate key, which means another owner claimed the record just now (H2 keeps the
                // transaction usable after a failed statement)
                for (String id : resourceIds) {
                    statement.setString(1, crmName);
                    statement.setString(2, resourceType);
                    statement.setString(3, id);
                    statement.setString(4, owner);
                    statement.setLong(5, leaseMillis);
                    try {
                        if (statement.executeUpdate() > 0) {
                            claimed.add(id);
                        }
                    } catch (SQLException e) {
                        if (!"23505".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
                return claimed;
            }
        }

        @Override
        String insertRateLimitRow() {
            return "MERGE INTO etlify_rate_limits (crm_name, created_at) KEY (crm_name) VALUES (?, CURRENT_TIMESTAMP)";
        }

        @Override
        OffsetDateTime now(Connection connection) {
            // H2 has no clock that moves within a transaction; it runs inside the application (or on
            // one host for a few instances), so the local clock is the database's clock
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
    };

    /** Columns of an inserted sync row, in binding order. */
    static final List<String> SYNC_COLUMNS = List.of("crm_name", "resource_type", "resource_id",
            "crm_id", "last_digest", "last_synced_at", "source_watermark", "last_error", "error_count", "created_at",
            "updated_at", "source_dependency_count", "sync_requested_at", "sync_lane");

    /** Element types of the arrays bound to {@link #upsertSyncRows}, in binding order. */
    static final List<String> SYNC_ARRAY_COLUMNS = List.of("varchar", "varchar", "varchar",
            "varchar", "varchar", "varchar", "text", "int4", "int8", "varchar", "int2");

    private static final List<String> SYNC_COLUMN_TYPES = List.of("VARCHAR(64)", "VARCHAR(255)",
            "VARCHAR(255)", "VARCHAR(255)", "VARCHAR(64)", "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE",
            "CLOB", "INTEGER", "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE", "BIGINT", "TIMESTAMP(6) WITH TIME ZONE",
            "SMALLINT");

    private static final String PENDING_COLUMNS = "dependent_type, dependent_id, dependency_type, dependency_id,"
            + " crm_name, created_at, updated_at";

    /** The database's current time plus a bound number of milliseconds. */
    public abstract String nowPlusMillis();

    /** Takes a lease (name, owner, duration in ms) if free, expired or already ours: 1 row changed when taken. */
    abstract String acquireLease();

    /** Within the current transaction only, plans the next statements for the values bound to them. */
    void planForActualValues(Connection connection) throws SQLException {
        // H2 plans every execution
    }

    /** Within the current transaction only, prefers aggregating sorted rows to hash tables. */
    public void aggregateBySorting(Connection connection) throws SQLException {
        // H2 has no such choice
    }

    /** Sets a PostgreSQL planner setting until the end of the current transaction. */
    private static void setLocal(Connection connection, String assignment) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL " + assignment);
        }
    }

    /** Inserts a pending sync unless the same one exists. */
    abstract String insertPendingSync();

    /** The timestamp every {@code NULL} update time counts as. */
    public String epoch() {
        return "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'";
    }

    /**
     * An update time as {@code timestamp with time zone}: a no-op for zoned columns; a column without
     * zone is read in the session's zone, which the JDBC drivers set to the JVM's, as Hibernate does.
     */
    public String zoned(String timestamp) {
        return "CAST(" + timestamp + " AS TIMESTAMP WITH TIME ZONE)";
    }

    /** An id column rendered as {@code crm_synchronisations.resource_id}, as {@code ResourceIds.render} does. */
    public String resourceId(String idColumn) {
        return "CAST(" + idColumn + " AS VARCHAR(255))";
    }

    /** Limits a query's rows, the limit bound as a parameter. */
    public String limitParameter() {
        return " FETCH FIRST ? ROWS ONLY";
    }

    /**
     * Inserts a sync row or, when one exists for the same (crm, type, id), updates it with
     * {@code updateSet}, in which {@code old.} names the existing row and {@code {new}.} the inserted values.
     */
    String upsertSyncRow(String updateSet) {
        return upsertSyncRow(updateSet, null);
    }

    /**
     * Like {@link #upsertSyncRow(String)}; an existing row is left untouched (no new row version) unless
     * {@code updateWhen} holds, a condition written like {@code updateSet}; {@code null} for always.
     */
    abstract String upsertSyncRow(String updateSet, String updateWhen);

    /**
     * Like {@link #upsertSyncRow(String, String)}, for many rows at once: the time bound first, then one array per
     * column of {@link #SYNC_ARRAY_COLUMNS}; {@code null} when the database takes them one by one.
     */
    String upsertSyncRows(String updateSet, String updateWhen) {
        return null;
    }

    /**
     * Settles claimed queue requests in one statement: binds the arrays of their sync rows' ids, their request times
     * (ISO instants) and their delays in milliseconds ({@code null}: done), then the worker whose claims they are;
     * {@code null} when the database takes them one by one.
     */
    public String settleRequests() {
        return null;
    }

    /**
     * Claims records (ids sorted) in {@code etlify_claims} for {@code owner}; records another owner holds
     * with an unexpired claim are left alone. Returns the ids claimed.
     */
    abstract Set<String> claimRecords(Connection connection, String crmName, String resourceType,
            List<String> resourceIds, String owner, long leaseMillis) throws SQLException;

    /**
     * One statement that runs {@code headSql} (a query of up to three columns, its placeholders bound first), reads
     * a sync row (crm, type, id bound next) and claims it for an owner (crm, type, id, owner, lease in ms bound
     * last). One result row: the number of claims taken (0 or 1), whether the sync row was read, its
     * {@code crm_id}, {@code last_digest}, {@code error_count} and {@code create_unconfirmed_at}, then the head's
     * columns. A sync row read is the latest committed version; one inserted meanwhile may be missed. {@code null}
     * when the database needs separate statements.
     */
    public String claimReadingRow(String headSql) {
        return null;
    }

    /**
     * One statement that releases an owner's claim on a record (crm, type, id, owner bound first), then writes its
     * sync row as {@link #upsertSyncRow(String, String)} binds it, unless another record of the listed resource
     * types holds its CRM id (bound next: crm id, crm, the {@code holderTypes} types, the record's type and id).
     * {@code null} when the database needs separate statements.
     */
    String upsertSyncedReleasing(String updateSet, int holderTypes) {
        return null;
    }

    /** Inserts the lock row of a CRM's rate limit ({@code crm_name} bound first) unless it exists. */
    abstract String insertRateLimitRow();

    /** The database's current time, read now (not at the start of the transaction). */
    abstract OffsetDateTime now(Connection connection) throws SQLException;

    /** The dialect of a database product, as JDBC names it. */
    public static SqlDialect of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("Etlify supports PostgreSQL and H2, not " + databaseProductName);
    }

    private static String placeholders() {
        return String.join(", ", SYNC_COLUMNS.stream().map(c -> "?").toList());
    }

    private static String typedPlaceholders() {
        return String.join(", ", SYNC_COLUMN_TYPES.stream().map(type -> "CAST(? AS " + type + ")").toList());
    }
}
