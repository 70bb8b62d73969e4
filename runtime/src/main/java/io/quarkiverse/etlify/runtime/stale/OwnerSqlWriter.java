package io.quarkiverse.etlify.runtime.stale;

import java.util.List;

import io.quarkiverse.etlify.runtime.stale.MappingTables.Step;

/**
 * Writes, from one mapping's {@link MappingTables} (the stale finder's description of its dependency paths), the
 * statements finding the records that changed rows concern: the records reaching them through a path. Each takes
 * the changed ids as one array parameter, so that one statement serves any number of changed rows.
 */
final class OwnerSqlWriter {

    private final MappingTables tables;

    OwnerSqlWriter(MappingTables tables) {
        this.tables = tables;
    }

    /**
     * Ids of the records reaching, through the dependency path of index {@code path}, a row of its step
     * {@code position} (from 1) whose id is in the array bound; {@code null} when that step's rows have no
     * single-column id.
     */
    String ownersReaching(int path, int position) {
        List<Step> steps = tables.dependencies().get(path).steps();
        Step last = steps.get(position - 1);
        if (last.idColumn() == null) {
            return null;
        }
        // a foreign key to the changed rows' ids held by the step before: their own table need not be read
        boolean keyBefore = last.on().size() == 1 && last.on().get(0).far().equals(last.idColumn());
        int joined = keyBefore ? position - 1 : position;
        StringBuilder sql = new StringBuilder("SELECT e.").append(tables.idColumn()).append(" FROM ")
                .append(StaleSqlWriter.from(tables.records())).append(" e");
        for (int i = 0; i < joined; i++) {
            String alias = "x" + (i + 1);
            sql.append(" JOIN ").append(StaleSqlWriter.from(steps.get(i).relation())).append(' ').append(alias)
                    .append(" ON ").append(StaleSqlWriter.condition(steps.get(i), i == 0 ? "e" : "x" + i, alias));
        }
        String filtered = keyBefore ? (joined == 0 ? "e" : "x" + joined) + "." + last.on().get(0).near()
                : "x" + position + "." + last.idColumn();
        return sql.append(" WHERE ").append(filtered).append(" = ANY(?)").toString();
    }

    /** The ids, among those of the array bound, of the mapping's records (rows of other entity types left out). */
    String records() {
        return "SELECT e." + tables.idColumn() + " FROM " + StaleSqlWriter.from(tables.records()) + " e WHERE e."
                + tables.idColumn() + " = ANY(?)";
    }
}
