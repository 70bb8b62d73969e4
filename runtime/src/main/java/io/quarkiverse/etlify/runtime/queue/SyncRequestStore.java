package io.quarkiverse.etlify.runtime.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.runtime.state.Jdbc;
import io.quarkiverse.etlify.runtime.state.SyncInbox;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncLane;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The durable queue's SQL: requests live on the sync rows ({@code sync_requested_at}); workers claim
 * them with {@code FOR UPDATE SKIP LOCKED} and a lease, in short transactions, like db-scheduler.
 */
@ApplicationScoped
class SyncRequestStore {

    /** Inbox requests taken per transaction when folding. */
    static final int FOLD_BATCH = 5_000;

    @Inject
    SyncInbox inbox;

    @Inject
    SyncStateStore rows;

    /**
     * Moves a CRM's requests recorded by sync on change ({@link SyncInbox}) onto the sync rows, collapsed per record,
     * in the urgent lane; the delete requests mark their rows too. Short transactions of up to {@value #FOLD_BATCH}.
     *
     * @return how many inbox requests were folded
     */
    int fold(String crm) {
        int folded = 0;
        while (true) {
            int taken = QuarkusTransaction.requiringNew().call(() -> {
                List<SyncInbox.Entry> entries = inbox.take(crm, FOLD_BATCH);
                Set<SyncKey> syncs = new TreeSet<>();
                Set<SyncKey> deletes = new TreeSet<>();
                entries.forEach(entry -> (entry.delete() ? deletes : syncs).add(entry.key()));
                syncs.removeAll(deletes);
                rows.requestSync(syncs, SyncLane.URGENT);
                rows.requestDeletes(deletes);
                return entries.size();
            });
            folded += taken;
            if (taken < FOLD_BATCH) {
                return folded;
            }
        }
    }

    /**
     * Claims up to {@code limit} due requests of a CRM for {@code lease}: the urgent lane's first, in request
     * order, except a tenth of the claim (at least one row when {@code limit} is 2 or more) kept for the batch
     * lane, so that a steady flow of {@code sync(entity)} never starves a batch sync's backlog. Two selects
     * and one update, whatever the claim's size.
     */
    List<ClaimedRequest> claim(String crm, String worker, int limit, Duration lease) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            Map<Long, ClaimedRequest> share = selectDue(connection, crm, SyncLane.BATCH, Set.of(), batchShare(limit));
            Map<Long, ClaimedRequest> claimed = selectDue(connection, crm, null, share.keySet(), limit - share.size());
            claimed.putAll(share);
            if (!claimed.isEmpty()) {
                String sql = "UPDATE crm_synchronisations SET claimed_by = ?, claimed_until = "
                        + Jdbc.dialect(connection).nowPlusMillis() + " WHERE id IN (" + placeholders(claimed.size()) + ")";
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    update.setString(1, worker);
                    update.setLong(2, lease.toMillis());
                    int i = 3;
                    for (Long id : claimed.keySet()) {
                        update.setLong(i++, id);
                    }
                    update.executeUpdate();
                }
            }
            return List.copyOf(claimed.values());
        }));
    }

    /** The batch lane's rows in a claim of {@code limit}; none in claims of one row, where urgent requests come first. */
    static int batchShare(int limit) {
        return limit < 2 ? 0 : Math.max(1, limit / 10);
    }

    /** Locks up to {@code limit} due requests, of one lane or of both (urgent first), by id in claim order. */
    private static Map<Long, ClaimedRequest> selectDue(Connection connection, String crm, SyncLane lane,
            Set<Long> excluded, int limit) throws SQLException {
        Map<Long, ClaimedRequest> due = new LinkedHashMap<>();
        if (limit <= 0) {
            return due;
        }
        // rows this transaction locked already are not skipped by SKIP LOCKED: they are excluded by id
        try (PreparedStatement select = connection.prepareStatement("SELECT id, resource_type, resource_id,"
                + " sync_requested_at, error_count, delete_requested_at FROM crm_synchronisations"
                + " WHERE crm_name = ? AND sync_requested_at IS NOT NULL"
                + " AND (claimed_until IS NULL OR claimed_until < CURRENT_TIMESTAMP)"
                + " AND (next_attempt_at IS NULL OR next_attempt_at <= CURRENT_TIMESTAMP)"
                + (lane == null ? "" : " AND sync_lane = " + lane.code())
                + (excluded.isEmpty() ? "" : " AND id NOT IN (" + placeholders(excluded.size()) + ")")
                + " ORDER BY sync_lane, sync_requested_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            int i = 1;
            select.setString(i++, crm);
            for (Long id : excluded) {
                select.setLong(i++, id);
            }
            select.setInt(i, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    due.put(rs.getLong(1), new ClaimedRequest(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class), rs.getInt(5), rs.getObject(6) != null));
                }
            }
        }
        return due;
    }

    /**
     * Releases {@code worker}'s claims on these requests, each done (cleared, unless the record was requested again
     * meanwhile) or due again after its delay; one statement on PostgreSQL, whatever their number.
     */
    void settle(List<Settlement> settlements, String worker) {
        if (settlements.isEmpty()) {
            return;
        }
        // in key order, the order other writers lock sync rows in
        List<Settlement> sorted = settlements.stream().sorted(Comparator.comparing(Settlement::key)).toList();
        QuarkusTransaction.requiringNew().run(() -> Jdbc.work(connection -> {
            String many = Jdbc.dialect(connection).settleRequests();
            return many != null ? settleAll(connection, many, sorted, worker) : settleEach(connection, sorted, worker);
        }));
    }

    private static int settleAll(Connection connection, String sql, List<Settlement> settlements, String worker)
            throws SQLException {
        Object[] ids = new Object[settlements.size()];
        Object[] requestedAt = new Object[settlements.size()];
        Object[] delays = new Object[settlements.size()];
        for (int i = 0; i < settlements.size(); i++) {
            Settlement settlement = settlements.get(i);
            ids[i] = settlement.request().id();
            requestedAt[i] = settlement.request().requestedAt().toInstant().toString();
            delays[i] = settlement.retryAfter() == null ? null : settlement.retryAfter().toMillis();
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("int8", ids));
            statement.setArray(2, connection.createArrayOf("varchar", requestedAt));
            statement.setArray(3, connection.createArrayOf("int8", delays));
            statement.setString(4, worker);
            return statement.executeUpdate();
        }
    }

    private static int settleEach(Connection connection, List<Settlement> settlements, String worker)
            throws SQLException {
        // both CASEs read the row as it was: a newer request keeps its time and its lane
        try (PreparedStatement statement = connection.prepareStatement("UPDATE crm_synchronisations SET"
                + " sync_requested_at = CASE WHEN ? AND sync_requested_at <= ? THEN NULL ELSE sync_requested_at END,"
                + " sync_lane = CASE WHEN ? AND sync_requested_at <= ? THEN NULL ELSE sync_lane END,"
                + " next_attempt_at = CASE WHEN ? THEN NULL ELSE " + Jdbc.dialect(connection).nowPlusMillis() + " END,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")) {
            for (Settlement settlement : settlements) {
                boolean done = settlement.retryAfter() == null;
                OffsetDateTime requestedAt = settlement.request().requestedAt();
                statement.setBoolean(1, done);
                statement.setObject(2, requestedAt, Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setBoolean(3, done);
                statement.setObject(4, requestedAt, Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setBoolean(5, done);
                statement.setLong(6, done ? 0 : settlement.retryAfter().toMillis());
                statement.setLong(7, settlement.request().id());
                statement.setString(8, worker);
                statement.addBatch();
            }
            return statement.executeBatch().length;
        }
    }

    /**
     * What becomes of a claimed request.
     *
     * @param retryAfter {@code null}: done; otherwise the request stays, due again after this delay
     */
    record Settlement(String crm, ClaimedRequest request, Duration retryAfter) {

        static Settlement done(String crm, ClaimedRequest request) {
            return new Settlement(crm, request, null);
        }

        SyncKey key() {
            return new SyncKey(crm, request.resourceType(), request.resourceId());
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
