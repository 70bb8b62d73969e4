package io.quarkiverse.etlify.runtime.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The requests of sync on change, as the writing transaction records them: one narrow row per record in
 * {@code etlify_sync_inbox}, an insert that touches no sync row (the costly part of a request: a sync row rewritten
 * with its indexes) on the application's write path. The queue's workers take them in batches and fold them into the
 * sync rows' requests, collapsed per record. Every method requires an active transaction.
 */
@ApplicationScoped
public class SyncInbox {

    /** Records requests: syncs, or deletes of the records' CRM records ({@code delete}). */
    public void add(Collection<SyncKey> keys, boolean delete) {
        if (keys.isEmpty()) {
            return;
        }
        Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO etlify_sync_inbox"
                    + " (crm_name, resource_type, resource_id, delete_record) VALUES (?, ?, ?, ?)")) {
                for (SyncKey key : keys) {
                    statement.setString(1, key.crmName());
                    statement.setString(2, key.resourceType());
                    statement.setString(3, key.resourceId());
                    statement.setBoolean(4, delete);
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
    }

    /**
     * Takes (removes) up to {@code limit} requests of a CRM, in the order they were recorded; requests another
     * transaction is taking are skipped.
     */
    public List<Entry> take(String crmName, int limit) {
        return Jdbc.work(connection -> {
            List<Entry> taken = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, resource_type, resource_id,"
                    + " delete_record FROM etlify_sync_inbox WHERE crm_name = ? ORDER BY id"
                    + Jdbc.dialect(connection).limitParameter() + " FOR UPDATE SKIP LOCKED")) {
                select.setString(1, crmName);
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        taken.add(new Entry(new SyncKey(crmName, rs.getString(2), rs.getString(3)), rs.getBoolean(4)));
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM etlify_sync_inbox WHERE id = ANY(?)")) {
                    delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                    delete.executeUpdate();
                }
            }
            return taken;
        });
    }

    /** One recorded request: the sync of a record, or the delete of its CRM record. */
    public record Entry(SyncKey key, boolean delete) {
    }
}
