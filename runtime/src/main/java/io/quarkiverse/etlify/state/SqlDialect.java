package io.quarkiverse.etlify.state;

import java.util.Locale;

/** The SQL that differs between the supported databases: all of it lives here. */
public enum SqlDialect {

    POSTGRESQL {
        @Override
        public String lookupJoin() {
            // LATERAL with a LIMIT is not flattened: one index look-up per owner, never a scan of every sync row
            return "LEFT JOIN LATERAL (SELECT * FROM crm_synchronisations s WHERE {condition}"
                    + " FETCH FIRST 1 ROWS ONLY) s ON TRUE";
        }

        @Override
        String upsertSyncRow(String updateSet) {
            return "INSERT INTO crm_synchronisations AS old (" + String.join(", ", SYNC_COLUMNS) + ") VALUES ("
                    + placeholders() + ") ON CONFLICT (crm_name, resource_type, resource_id) DO UPDATE SET "
                    + updateSet.replace("{new}", "EXCLUDED");
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
    };

    /** Columns of an inserted sync row, in binding order. */
    static final java.util.List<String> SYNC_COLUMNS = java.util.List.of("crm_name", "resource_type", "resource_id",
            "crm_id", "last_digest", "last_synced_at", "source_watermark", "last_error", "error_count", "created_at",
            "updated_at", "source_dependency_count");

    private static final java.util.List<String> SYNC_COLUMN_TYPES = java.util.List.of("VARCHAR(64)", "VARCHAR(255)",
            "VARCHAR(255)", "VARCHAR(255)", "VARCHAR(64)", "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE",
            "CLOB", "INTEGER", "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE", "BIGINT");

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

    /**
     * Joins a record's sync row as {@code s}, the join condition standing in for {@code {condition}},
     * when the sync rows to read are bounded by a range of {@code resource_id}.
     */
    public String rangeJoin() {
        return "LEFT JOIN crm_synchronisations s ON {condition}";
    }

    /** Like {@link #rangeJoin()}, but looking each owner's sync row up by index. */
    public String lookupJoin() {
        return rangeJoin();
    }

    /** Limits a query's rows, the limit bound as a parameter. */
    public String limitParameter() {
        return " FETCH FIRST ? ROWS ONLY";
    }

    /**
     * Inserts a sync row or, when one exists for the same (crm, type, id), updates it with
     * {@code updateSet}, in which {@code old.} names the existing row and {@code {new}.} the inserted values.
     */
    abstract String upsertSyncRow(String updateSet);

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
