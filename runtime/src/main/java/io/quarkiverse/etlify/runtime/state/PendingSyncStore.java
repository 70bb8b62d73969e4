package io.quarkiverse.etlify.runtime.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Buffered syncs ({@code etlify_pending_syncs}) waiting for a dependency's CRM id. Requires a transaction. */
@ApplicationScoped
public class PendingSyncStore {

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

    /** Removes and returns the dependents that were waiting for this dependency. */
    public List<SyncKey> release(SyncKey dependency) {
        return Jdbc.work(connection -> {
            List<SyncKey> dependents = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT dependent_type, dependent_id"
                    + " FROM etlify_pending_syncs WHERE dependency_type = ? AND dependency_id = ? AND crm_name = ?")) {
                select.setString(1, dependency.resourceType());
                select.setString(2, dependency.resourceId());
                select.setString(3, dependency.crmName());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        dependents.add(new SyncKey(dependency.crmName(), rs.getString(1), rs.getString(2)));
                    }
                }
            }
            if (!dependents.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM etlify_pending_syncs"
                        + " WHERE dependency_type = ? AND dependency_id = ? AND crm_name = ?")) {
                    delete.setString(1, dependency.resourceType());
                    delete.setString(2, dependency.resourceId());
                    delete.setString(3, dependency.crmName());
                    delete.executeUpdate();
                }
            }
            return dependents;
        });
    }
}
