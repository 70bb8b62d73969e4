package io.quarkiverse.etlify.runtime.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** Buffered syncs ({@code etlify_pending_syncs}) waiting for a dependency's CRM id. Requires a transaction. */
@ApplicationScoped
public class PendingSyncStore {

    private static final int IN_LIST_SIZE = 500;

    /** Buffers the dependent's sync until the dependency has a CRM id (no duplicate rows). */
    public void buffer(SyncKey dependent, SyncKey dependency) {
        Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(Jdbc.dialect(connection).insertPendingSync())) {
                OffsetDateTime now = Jdbc.now();
                statement.setString(1, dependent.resourceType());
                statement.setString(2, dependent.resourceId());
                statement.setString(3, dependency.resourceType());
                statement.setString(4, dependency.resourceId());
                statement.setString(5, dependent.crmName());
                statement.setObject(6, now, Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setObject(7, now, Types.TIMESTAMP_WITH_TIMEZONE);
                return statement.executeUpdate();
            }
        });
    }

    /** Whether {@code dependent} is already waiting for {@code dependency}. */
    public boolean isWaiting(SyncKey dependent, SyncKey dependency) {
        return Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM etlify_pending_syncs"
                    + " WHERE dependent_type = ? AND dependent_id = ? AND dependency_type = ? AND dependency_id = ?"
                    + " AND crm_name = ?")) {
                statement.setString(1, dependent.resourceType());
                statement.setString(2, dependent.resourceId());
                statement.setString(3, dependency.resourceType());
                statement.setString(4, dependency.resourceId());
                statement.setString(5, dependent.crmName());
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Removes and returns the dependents that were waiting for these dependencies (each once). Only the rows
     * read are deleted: a record buffered meanwhile stays buffered for the dependency's next sync.
     */
    public List<SyncKey> releaseAll(Collection<SyncKey> dependencies) {
        Map<TypeOfCrm, List<String>> byType = new LinkedHashMap<>();
        dependencies.stream().sorted().forEach(key -> byType.computeIfAbsent(new TypeOfCrm(key.crmName(),
                key.resourceType()), k -> new ArrayList<>()).add(key.resourceId()));
        Set<SyncKey> dependents = new LinkedHashSet<>();
        byType.forEach((type, ids) -> Jdbc.work(connection -> {
            List<Long> rows = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE));
                try (PreparedStatement select = connection.prepareStatement("SELECT id, dependent_type, dependent_id"
                        + " FROM etlify_pending_syncs WHERE dependency_type = ? AND crm_name = ? AND dependency_id IN ("
                        + placeholders(chunk.size()) + ")")) {
                    select.setString(1, type.resourceType());
                    select.setString(2, type.crmName());
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(3 + i, chunk.get(i));
                    }
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getLong(1));
                            dependents.add(new SyncKey(type.crmName(), rs.getString(2), rs.getString(3)));
                        }
                    }
                }
            }
            // deleted in id order, so that two releases of one dependency lock its rows in the same order
            Collections.sort(rows);
            for (int from = 0; from < rows.size(); from += IN_LIST_SIZE) {
                List<Long> chunk = rows.subList(from, Math.min(rows.size(), from + IN_LIST_SIZE));
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM etlify_pending_syncs"
                        + " WHERE id IN (" + placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        delete.setLong(1 + i, chunk.get(i));
                    }
                    delete.executeUpdate();
                }
            }
            return rows.size();
        }));
        return List.copyOf(dependents);
    }

    private record TypeOfCrm(String crmName, String resourceType) {
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
