package io.quarkiverse.etlify.queue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.state.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The durable queue's SQL: requests live on the sync rows ({@code sync_requested_at}); workers claim
 * them with {@code FOR UPDATE SKIP LOCKED} and a lease, in short transactions, like db-scheduler.
 */
@ApplicationScoped
public class SyncRequestStore {

    /** Claims up to {@code limit} due requests of a CRM for {@code lease}. */
    List<ClaimedRequest> claim(String crm, String worker, int limit, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            List<Long> ids = new ArrayList<>();
            List<ClaimedRequest> claimed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, resource_type, resource_id,"
                    + " sync_requested_at, error_count FROM crm_synchronisations"
                    + " WHERE crm_name = ? AND sync_requested_at IS NOT NULL"
                    + " AND (claimed_until IS NULL OR claimed_until < CURRENT_TIMESTAMP)"
                    + " AND (next_attempt_at IS NULL OR next_attempt_at <= CURRENT_TIMESTAMP)"
                    + " ORDER BY sync_requested_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                select.setString(1, crm);
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        claimed.add(new ClaimedRequest(rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class), rs.getInt(5)));
                    }
                }
            }
            if (!ids.isEmpty()) {
                String sql = "UPDATE crm_synchronisations SET claimed_by = ?, claimed_until = "
                        + Jdbc.dialect(connection).nowPlusMillis() + " WHERE id IN ("
                        + String.join(", ", ids.stream().map(id -> "?").toList()) + ")";
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    update.setString(1, worker);
                    update.setLong(2, lease.toMillis());
                    for (int i = 0; i < ids.size(); i++) {
                        update.setLong(3 + i, ids.get(i));
                    }
                    update.executeUpdate();
                }
            }
            return claimed;
        }));
    }

    /** Done: the request is cleared unless the record was requested again meanwhile; the claim is released. */
    void complete(String crm, List<ClaimedRequest> requests, String worker) {
        update(crm, requests, worker, "sync_requested_at = CASE WHEN sync_requested_at <= ? THEN NULL"
                + " ELSE sync_requested_at END, next_attempt_at = NULL", null);
    }

    /** Not done: the request stays, due again after {@code delay}; the claim is released. */
    void retryLater(String crm, List<ClaimedRequest> requests, String worker, Duration delay) {
        update(crm, requests, worker, "next_attempt_at = {later}", delay);
    }

    private void update(String crm, List<ClaimedRequest> requests, String worker, String set, Duration delay) {
        if (requests.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> Jdbc.work(connection -> {
            String assignments = set.replace("{later}", Jdbc.dialect(connection).nowPlusMillis());
            try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_synchronisations SET "
                    + assignments + ", claimed_by = NULL, claimed_until = NULL"
                    + " WHERE crm_name = ? AND resource_type = ? AND resource_id = ? AND claimed_by = ?")) {
                for (ClaimedRequest request : requests) {
                    int i = 1;
                    if (delay != null) {
                        statement.setLong(i++, delay.toMillis());
                    } else {
                        statement.setObject(i++, request.requestedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                    }
                    statement.setString(i++, crm);
                    statement.setString(i++, request.resourceType());
                    statement.setString(i++, request.resourceId());
                    statement.setString(i, worker);
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        }));
    }
}
