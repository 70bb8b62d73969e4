package io.quarkiverse.etlify.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** The SQL that differs between the supported databases: all of it lives here. */
public enum SqlDialect {

    POSTGRESQL {
        @Override
        String upsertSyncRow(String updateSet) {
            return "INSERT INTO crm_synchronisations AS old (" + String.join(", ", SYNC_COLUMNS) + ") VALUES ("
                    + placeholders() + ") ON CONFLICT (crm_name, resource_type, resource_id) DO UPDATE SET "
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
        String upsertSyncRow(String updateSet) {
            return "MERGE INTO crm_synchronisations old USING (VALUES (" + typedPlaceholders() + ")) AS new_row("
                    + String.join(", ", SYNC_COLUMNS) + ") ON old.crm_name = new_row.crm_name"
                    + " AND old.resource_type = new_row.resource_type AND old.resource_id = new_row.resource_id"
                    + " WHEN MATCHED THEN UPDATE SET " + updateSet.replace("{new}", "new_row")
                    + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", SYNC_COLUMNS) + ") VALUES ("
                    + String.join(", ", SYNC_COLUMNS.stream().map(c -> "new_row." + c).toList()) + ")";
        }

        @Override
        String insertRateLimitRow() {
            return "MERGE INTO etlify_rate_limits KEY (crm_name) VALUES (?, CURRENT_TIMESTAMP)";
        }

        @Override
        OffsetDateTime now(Connection connection) {
            // H2 has no clock that moves within a transaction; it runs inside the application (or on
            // one host for a few instances), so the local clock is the database's clock
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
    };

    /** Columns of an inserted sync row, in binding order. */
    static final java.util.List<String> SYNC_COLUMNS = java.util.List.of("crm_name", "resource_type", "resource_id",
            "crm_id", "last_digest", "last_synced_at", "source_watermark", "last_error", "error_count", "created_at",
            "updated_at");

    private static final java.util.List<String> SYNC_COLUMN_TYPES = java.util.List.of("VARCHAR(64)", "VARCHAR(255)",
            "VARCHAR(255)", "VARCHAR(255)", "VARCHAR(64)", "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE",
            "CLOB", "INTEGER", "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE");

    /**
     * Inserts a sync row or, when one exists for the same (crm, type, id), updates it with
     * {@code updateSet}, in which {@code old.} names the existing row and {@code {new}.} the inserted values.
     */
    abstract String upsertSyncRow(String updateSet);

    /** Inserts the lock row of a CRM's rate limit ({@code crm_name} bound first) unless it exists. */
    abstract String insertRateLimitRow();

    /** The database's current time, read now (not at the start of the transaction). */
    abstract OffsetDateTime now(Connection connection) throws SQLException;

    static SqlDialect of(String databaseProductName) {
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
