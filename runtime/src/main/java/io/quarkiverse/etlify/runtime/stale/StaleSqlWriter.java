package io.quarkiverse.etlify.runtime.stale;

import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.AFTER;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.CRM;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.FIRST;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.FROM_KEY;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.IDS;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.LAST;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.LIMIT;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.MAX_SYNC_ERRORS;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.RESOURCE_TYPE;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.TO_KEY;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.etlify.runtime.stale.MappingTables.ColumnPair;
import io.quarkiverse.etlify.runtime.stale.MappingTables.DiscriminatedRows;
import io.quarkiverse.etlify.runtime.stale.MappingTables.JoinedRows;
import io.quarkiverse.etlify.runtime.stale.MappingTables.KeyedTable;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Path;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Relation;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Step;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Table;
import io.quarkiverse.etlify.runtime.state.SqlDialect;

/**
 * Writes the {@link StaleQuery} of one mapping from its {@link MappingTables}. The statements hold the one
 * definition of a record's freshness:
 * <ul>
 * <li>watermark: the newest update time of the record and of every record at the end of a dependency
 * path, {@code NULL} counting as the epoch;</li>
 * <li>count: the number of values at the end of every dependency path.</li>
 * </ul>
 * The record ({@code e}) and each relation are read through one alias. Dependency paths made of foreign
 * keys held by the record are joined directly (at most one row each); any other path is aggregated per
 * owner in a derived table restricted to the owners read.
 */
final class StaleSqlWriter {

    private final MappingTables tables;
    private final SqlDialect dialect;
    private final String from;
    private final String ownerId;

    StaleSqlWriter(MappingTables tables, SqlDialect dialect) {
        this.tables = tables;
        this.dialect = dialect;
        this.from = " FROM " + from(tables.records()) + " e";
        this.ownerId = "e." + tables.idColumn();
    }

    StaleQuery write() {
        String castId = dialect.resourceId(ownerId);
        String firstRow = dialect.limitParameter().replace("?", "1");
        boolean numeric = StaleQuery.numeric(tables.idType());
        return new StaleQuery(tables.idType(),
                new StaleQuery.Builder().append("SELECT " + ownerId + from + " ORDER BY " + ownerId).append(firstRow).build(),
                new StaleQuery.Builder().append("SELECT " + ownerId + from + " WHERE " + ownerId + " > ").param(AFTER)
                        .append(" ORDER BY " + ownerId).append(firstRow).build(),
                lastId(),
                new StaleQuery.Builder().append("SELECT MIN(" + castId + "), MAX(" + castId + ")" + from + " WHERE ")
                        .append(ownerId + " >= ").param(FIRST).append(" AND " + ownerId + " <= ").param(LAST).build(),
                stale(Owners.WINDOW, numeric), syncedInWindow(numeric), idsInWindow(numeric), stale(Owners.ALL, numeric),
                freshness());
    }

    /** One sync row of the window's owners, if any: read through the same index range as the stale statement. */
    private StaleQuery.Sql syncedInWindow(boolean numeric) {
        StaleQuery.Builder sql = new StaleQuery.Builder().append("SELECT 1 FROM crm_synchronisations s WHERE s.crm_name = ")
                .param(CRM).append(" AND s.resource_type = ").param(RESOURCE_TYPE).append(" AND ");
        if (numeric) {
            restrict(sql, "s.resource_number", Owners.WINDOW);
        } else {
            sql.append("s.resource_id >= ").param(FROM_KEY).append(" AND s.resource_id <= ").param(TO_KEY);
        }
        return sql.append(dialect.limitParameter().replace("?", "1")).build();
    }

    /** The window's owners in the mapping's scope: all stale when none has a sync row. */
    private StaleQuery.Sql idsInWindow(boolean numeric) {
        StaleQuery.Builder sql = new StaleQuery.Builder().append("SELECT " + ownerId + from + " WHERE ");
        restrict(sql, ownerId, Owners.WINDOW);
        if (!tables.staleScope().isBlank()) {
            sql.append(" AND (" + tables.staleScope().replace("{e}", "e") + ")");
        }
        return sql.append(numeric ? "" : " ORDER BY " + ownerId).build();
    }

    /** The last id of the window starting at FIRST; ORDER BY rather than MAX, which not every id type has. */
    private StaleQuery.Sql lastId() {
        return new StaleQuery.Builder().append("SELECT w.k FROM (SELECT " + ownerId + " AS k" + from + " WHERE ")
                .append(ownerId + " >= ").param(FIRST).append(" ORDER BY " + ownerId).append(dialect.limitParameter(), LIMIT)
                .append(") w ORDER BY w.k DESC").append(dialect.limitParameter().replace("?", "1")).build();
    }

    /** Watermark and count of the records of IDS, computed as the stale statements compute them. */
    private StaleQuery.Sql freshness() {
        StaleQuery.Builder sql = new StaleQuery.Builder()
                .append("SELECT " + ownerId + ", " + watermark() + ", " + count() + from);
        joinDependencies(sql, Owners.LISTED);
        sql.append(" WHERE ");
        restrict(sql, ownerId, Owners.LISTED);
        return sql.build();
    }

    /**
     * Stale ids of the window (ascending unless integers, which the finder sorts), or the number of
     * stale records; the sync rows joined on their number (integer ids) or text, restricted to the
     * window's range of either.
     */
    private StaleQuery.Sql stale(Owners owners, boolean numeric) {
        boolean windowed = owners == Owners.WINDOW;
        StaleQuery.Builder sql = new StaleQuery.Builder().append((windowed ? "SELECT " + ownerId : "SELECT COUNT(*)") + from);
        joinDependencies(sql, owners);
        sql.append(" LEFT JOIN crm_synchronisations s ON s.crm_name = ").param(CRM)
                .append(" AND s.resource_type = ").param(RESOURCE_TYPE);
        if (numeric) {
            sql.append(" AND s.resource_number = " + ownerId);
            if (windowed) {
                sql.append(" AND ");
                restrict(sql, "s.resource_number", owners);
            }
        } else {
            sql.append(" AND s.resource_id = " + dialect.resourceId(ownerId));
            if (windowed) {
                sql.append(" AND s.resource_id >= ").param(FROM_KEY).append(" AND s.resource_id <= ").param(TO_KEY);
            }
        }
        sql.append(" WHERE ");
        if (restrict(sql, ownerId, owners)) {
            sql.append(" AND ");
        }
        if (!tables.staleScope().isBlank()) {
            sql.append("(" + tables.staleScope().replace("{e}", "e") + ") AND ");
        }
        sql.append("(s.id IS NULL OR (s.error_count < ").param(MAX_SYNC_ERRORS)
                .append(" AND (s.source_watermark IS NULL OR s.source_dependency_count IS NULL OR ")
                .append(watermark() + " > s.source_watermark OR " + count() + " <> s.source_dependency_count)))");
        if (windowed && !numeric) {
            // integer ids are sorted by the finder: a sort here costs the database a tenth of the statement
            sql.append(" ORDER BY " + ownerId);
        }
        return sql.build();
    }

    private String watermark() {
        List<String> terms = new ArrayList<>();
        terms.add(dialect.epoch());
        terms.add("COALESCE(" + dialect.zoned("e." + tables.updateTimeColumn()) + ", " + dialect.epoch() + ")");
        List<Path> paths = tables.dependencies();
        for (int n = 0; n < paths.size(); n++) {
            Path path = paths.get(n);
            if (path.updateTimeColumn() != null) {
                String reached = path.toOne() ? dialect.zoned(alias(n) + "." + path.updateTimeColumn())
                        : alias(n) + ".watermark";
                terms.add("COALESCE(" + reached + ", " + dialect.epoch() + ")");
            }
        }
        return "GREATEST(" + String.join(", ", terms) + ")";
    }

    private String count() {
        List<Path> paths = tables.dependencies();
        if (paths.isEmpty()) {
            return "0";
        }
        List<String> terms = new ArrayList<>();
        for (int n = 0; n < paths.size(); n++) {
            Path path = paths.get(n);
            if (path.toOne()) {
                String reached = path.steps().get(path.steps().size() - 1).on().get(0).far();
                terms.add("CASE WHEN " + alias(n) + "." + reached + " IS NULL THEN 0 ELSE 1 END");
            } else {
                terms.add("COALESCE(" + alias(n) + ".reached, 0)");
            }
        }
        return "(" + String.join(" + ", terms) + ")";
    }

    private void joinDependencies(StaleQuery.Builder sql, Owners owners) {
        List<Path> paths = tables.dependencies();
        for (int n = 0; n < paths.size(); n++) {
            if (paths.get(n).toOne()) {
                joinDirectly(sql, paths.get(n).steps(), alias(n));
            } else {
                joinAggregated(sql, paths.get(n), alias(n), owners);
            }
        }
    }

    /** The alias of the {@code n}-th dependency path (from 0): its last relation, or its derived table. */
    private static String alias(int n) {
        return "d" + (n + 1);
    }

    /** A chain of foreign keys held by the record: joined directly, at most one row. */
    private void joinDirectly(StaleQuery.Builder sql, List<Step> steps, String alias) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String stepAlias = i == steps.size() - 1 ? alias : alias + "_" + (i + 1);
            String previous = i == 0 ? "e" : alias + "_" + i;
            sql.append(" LEFT JOIN " + from(step.relation()) + " " + stepAlias + " ON " + condition(step, previous, stepAlias));
        }
    }

    /** Any other path: aggregated per owner, over the owners read only. */
    private void joinAggregated(StaleQuery.Builder sql, Path path, String alias, Owners owners) {
        List<Step> steps = path.steps();
        // starts from the first table when it holds the owner's id (one-to-many, join tables,
        // element collections), else from the owner itself
        Step first = steps.get(0);
        boolean fromFirst = first.on().size() == 1 && first.on().get(0).near().equals(tables.idColumn());
        StringBuilder from = new StringBuilder();
        String ownerKey;
        int joined = 0;
        if (fromFirst) {
            ownerKey = "x1." + first.on().get(0).far();
            from.append(from(first.relation())).append(" x1");
            joined = 1;
        } else {
            ownerKey = "o." + tables.idColumn();
            from.append(from(tables.records())).append(" o");
        }
        for (int i = joined; i < steps.size(); i++) {
            String previous = i == 0 ? "o" : "x" + i;
            from.append(" JOIN ").append(from(steps.get(i).relation())).append(" x").append(i + 1).append(" ON ")
                    .append(condition(steps.get(i), previous, "x" + (i + 1)));
        }
        String last = "x" + steps.size();
        String time = path.updateTimeColumn();
        sql.append(" LEFT JOIN (SELECT " + ownerKey + " AS owner_id, "
                + (time == null ? "" : dialect.zoned("MAX(" + last + "." + time + ")") + " AS watermark, ")
                + "COUNT(*) AS reached FROM " + from);
        List<String> filters = new ArrayList<>();
        if (path.elementColumns() != null) {
            filters.add("(" + String.join(" OR ", path.elementColumns().stream().map(c -> last + "." + c + " IS NOT NULL")
                    .toList()) + ")");
        }
        if (owners != Owners.ALL || !filters.isEmpty()) {
            sql.append(" WHERE ");
            boolean ranged = restrict(sql, ownerKey, owners);
            if (!filters.isEmpty()) {
                sql.append((ranged ? " AND " : "") + String.join(" AND ", filters));
            }
        }
        sql.append(" GROUP BY " + ownerKey + ") " + alias + " ON " + alias + ".owner_id = " + ownerId);
    }

    static String condition(Step step, String previous, String alias) {
        List<String> equalities = new ArrayList<>();
        for (ColumnPair pair : step.on()) {
            equalities.add(alias + "." + pair.far() + " = " + previous + "." + pair.near());
        }
        return String.join(" AND ", equalities);
    }

    /** The owners a statement reads. */
    private enum Owners {
        ALL,
        /** ids from FIRST to LAST */
        WINDOW,
        /** the ids of IDS */
        LISTED
    }

    /** Appends the condition on {@code key} restricting rows to the owners read; tells whether it appended any. */
    private static boolean restrict(StaleQuery.Builder sql, String key, Owners owners) {
        switch (owners) {
            case WINDOW -> sql.append(key + " >= ").param(FIRST).append(" AND " + key + " <= ").param(LAST);
            case LISTED -> sql.append(key + " IN (").param(IDS).append(")");
            case ALL -> {
                return false;
            }
        }
        return true;
    }

    /** A relation as a {@code FROM} item: a table name, or a parenthesized query. */
    static String from(Relation relation) {
        if (relation instanceof Table table) {
            return table.name();
        }
        if (relation instanceof DiscriminatedRows rows) {
            List<String> conditions = new ArrayList<>();
            if (!rows.values().isEmpty()) {
                conditions.add(rows.column() + " IN (" + String.join(", ", rows.values()) + ")");
            }
            if (rows.nullValue()) {
                conditions.add(rows.column() + " IS NULL");
            }
            if (conditions.isEmpty()) {
                conditions.add("1 = 0");
            }
            return "(SELECT * FROM " + rows.table() + " WHERE " + String.join(" OR ", conditions) + ")";
        }
        JoinedRows rows = (JoinedRows) relation;
        List<String> select = rows.columns().stream().map(column -> "t" + column.table() + "." + column.name()).toList();
        List<String> rootKey = rows.tables().get(0).key();
        StringBuilder from = new StringBuilder(rows.tables().get(0).name()).append(" t0");
        for (int i = 1; i < rows.tables().size(); i++) {
            KeyedTable table = rows.tables().get(i);
            from.append(" JOIN ").append(table.name()).append(" t").append(i).append(" ON ")
                    .append(keyJoin("t" + i, table.key(), rootKey));
        }
        List<String> conditions = new ArrayList<>();
        for (int n = 1; n <= rows.excluded().size(); n++) {
            KeyedTable subtype = rows.excluded().get(n - 1);
            conditions.add("NOT EXISTS (SELECT 1 FROM " + subtype.name() + " x" + n + " WHERE "
                    + keyJoin("x" + n, subtype.key(), rootKey) + ")");
        }
        return "(SELECT " + String.join(", ", select) + " FROM " + from
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + ")";
    }

    /** The key columns of {@code alias} equal to the root's ({@code t0}). */
    private static String keyJoin(String alias, List<String> key, List<String> rootKey) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            pairs.add(alias + "." + key.get(i) + " = t0." + rootKey.get(i));
        }
        return String.join(" AND ", pairs);
    }
}
