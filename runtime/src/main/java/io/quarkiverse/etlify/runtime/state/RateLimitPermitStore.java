package io.quarkiverse.etlify.runtime.state;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A sliding log of the requests sent to each CRM, shared by every instance of the application
 * through the database: the permits of a CRM's window are kept in its row of {@code etlify_rate_limits}
 * (ids and the times they count from, in two arrays). Taking a permit locks that row, prunes the
 * permits out of the window, records the ends of requests the caller reports and, when there is
 * room, a new permit: on PostgreSQL one statement ({@link #TAKE_PERMIT}), on other databases a few.
 * <p>
 * A permit counts from its grant while its request is in flight, then from the moment the request
 * completed: the CRM received the request in between, so the CRM's own window for it has always
 * closed by the time ours does, however long sending took. Callers report completions with their
 * next request for a permit ({@link Ended}), or on their own ({@link #recordEnds}) when no request
 * follows soon enough; a completion counts from when it is recorded, never earlier than the request
 * really ended. Times come from the database clock, so instances never disagree about them.
 */
@ApplicationScoped
public class RateLimitPermitStore {

    /**
     * The answer to a permit request.
     *
     * @param permitId the id of the permit granted, {@code null} when none was
     * @param retryIn how long until a permit may be free, {@link Duration#ZERO} when one was granted
     * @param counted the permits counting in the window, the one granted included
     */
    public record Acquired(Long permitId, Duration retryIn, int counted) {

        public boolean granted() {
            return permitId != null;
        }
    }

    /**
     * A request that completed: its permit counts from the moment this is recorded.
     *
     * @param permitId the permit of the request
     */
    public record Ended(long permitId) {
    }

    /**
     * On PostgreSQL, in one statement on the database clock: locks the CRM's row and reads its permits as
     * the last holder of the lock left them ({@code FOR UPDATE} returns the newest version of a row it waited
     * for, even under READ COMMITTED, where the statement's snapshot may predate that version; the
     * {@code UPDATE} then writes that same version), stamps the reported ends, prunes the permits out of
     * the window, records a new one when asked and there is room, and otherwise finds the permit that must
     * leave the window before one is free (with max=5 and 5 counted, the oldest). The clock is read once the lock
     * is held ({@code t} reads {@code cur}), so a grant is stamped no earlier than it is made. No row for the CRM
     * yet: no row returned, and nothing was done.
     */
    private static final String TAKE_PERMIT = """
            WITH cur AS (SELECT r.crm_name, r.next_permit, r.permit_ids, r.permits_counted_from
                FROM etlify_rate_limits r WHERE r.crm_name = ? FOR UPDATE),
            t AS (SELECT clock_timestamp() AS now FROM cur),
            ended AS (SELECT e.id FROM unnest(?::bigint[]) AS e(id)),
            stamped AS (SELECT p.id, CASE WHEN e.id IS NULL THEN p.counted_from ELSE t.now END AS counted_from
                FROM cur CROSS JOIN t CROSS JOIN LATERAL unnest(cur.permit_ids, cur.permits_counted_from)
                    AS p(id, counted_from)
                LEFT JOIN ended e ON e.id = p.id),
            live AS (SELECT s.id, s.counted_from FROM stamped s, t
                WHERE s.counted_from > t.now - make_interval(secs => ?)),
            counted AS (SELECT COUNT(*) AS n FROM live),
            granted AS (SELECT cur.next_permit AS id, t.now FROM cur, t, counted WHERE ? AND counted.n < ?),
            saved AS (UPDATE etlify_rate_limits r SET
                    permit_ids = ARRAY(SELECT id FROM live ORDER BY counted_from, id) || ARRAY(SELECT id FROM granted),
                    permits_counted_from = ARRAY(SELECT counted_from FROM live ORDER BY counted_from, id)
                        || ARRAY(SELECT now FROM granted),
                    next_permit = cur.next_permit + (SELECT COUNT(*) FROM granted)
                FROM cur WHERE r.crm_name = cur.crm_name)
            SELECT (SELECT id FROM granted), (SELECT n FROM counted), t.now,
                (SELECT counted_from FROM live ORDER BY counted_from
                    OFFSET GREATEST((SELECT n FROM counted) - ?, 0) LIMIT 1)
            FROM t""";

    /**
     * Takes a permit for the CRM when fewer than {@code maxRequests} count within the last {@code window},
     * after recording the ends of the requests in {@code ended}.
     */
    public Acquired tryAcquire(String crmName, int maxRequests, Duration window, List<Ended> ended) {
        return update(crmName, maxRequests, window, ended, true);
    }

    /** Records the ends of requests, for a caller that asks for no permit soon. */
    public void recordEnds(String crmName, Duration window, List<Ended> ended) {
        update(crmName, 0, window, ended, false);
    }

    private Acquired update(String crmName, int maxRequests, Duration window, List<Ended> ended, boolean take) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            boolean postgres = Jdbc.dialect(connection) == SqlDialect.POSTGRESQL;
            for (int attempt = 0; attempt < 2; attempt++) {
                Acquired acquired = postgres ? takePermit(connection, crmName, maxRequests, window, ended, take)
                        : takePermitStepByStep(connection, crmName, maxRequests, window, ended, take);
                if (acquired != null) {
                    return acquired;
                }
                try (PreparedStatement insert = connection.prepareStatement(Jdbc.dialect(connection).insertRateLimitRow())) {
                    insert.setString(1, crmName);
                    insert.executeUpdate();
                }
            }
            throw new IllegalStateException("Could not lock the rate-limit row of CRM " + crmName);
        }));
    }

    /** {@code null} when the CRM has no row yet. */
    private static Acquired takePermit(Connection connection, String crmName, int maxRequests, Duration window,
            List<Ended> ended, boolean take) throws SQLException {
        Long[] ids = ended.stream().map(Ended::permitId).toArray(Long[]::new);
        try (PreparedStatement statement = connection.prepareStatement(TAKE_PERMIT)) {
            statement.setString(1, crmName);
            statement.setArray(2, connection.createArrayOf("bigint", ids));
            statement.setDouble(3, window.toNanos() / 1e9);
            statement.setBoolean(4, take);
            statement.setInt(5, maxRequests);
            statement.setInt(6, maxRequests);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Long permitId = rs.getObject(1, Long.class);
                int counted = rs.getInt(2);
                if (permitId != null) {
                    return new Acquired(permitId, Duration.ZERO, counted + 1);
                }
                return denied(rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), window,
                        counted);
            }
        }
    }

    /**
     * The same as {@link #TAKE_PERMIT}, step by step: lock the row, read it (a statement started once the lock
     * is held sees the version its last holder committed), compute here, write it back.
     */
    private static Acquired takePermitStepByStep(Connection connection, String crmName, int maxRequests,
            Duration window, List<Ended> ended, boolean take) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT crm_name FROM etlify_rate_limits WHERE crm_name = ? FOR UPDATE")) {
            lock.setString(1, crmName);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
            }
        }
        long nextPermit;
        Object[] ids;
        Object[] countedFrom;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_permit, permit_ids, permits_counted_from FROM etlify_rate_limits WHERE crm_name = ?")) {
            select.setString(1, crmName);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                nextPermit = rs.getLong(1);
                ids = (Object[]) rs.getArray(2).getArray();
                countedFrom = (Object[]) rs.getArray(3).getArray();
            }
        }
        OffsetDateTime now = Jdbc.dialect(connection).now(connection);
        Set<Long> ends = ended.stream().map(Ended::permitId).collect(Collectors.toSet());
        List<Object[]> live = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            long id = ((Number) ids[i]).longValue();
            OffsetDateTime from = (OffsetDateTime) countedFrom[i];
            if (ends.contains(id)) {
                from = now;
            }
            if (from.isAfter(now.minus(window))) {
                live.add(new Object[] { id, from });
            }
        }
        live.sort(Comparator.comparing((Object[] permit) -> (OffsetDateTime) permit[1]));
        int counted = live.size();
        Long granted = take && counted < maxRequests ? nextPermit : null;
        if (granted != null) {
            live.add(new Object[] { granted, now });
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE etlify_rate_limits"
                + " SET next_permit = ?, permit_ids = ?, permits_counted_from = ? WHERE crm_name = ?")) {
            update.setLong(1, granted != null ? nextPermit + 1 : nextPermit);
            update.setArray(2, array(connection, "BIGINT", live, 0));
            update.setArray(3, array(connection, "TIMESTAMP WITH TIME ZONE", live, 1));
            update.setString(4, crmName);
            update.executeUpdate();
        }
        if (granted != null) {
            return new Acquired(granted, Duration.ZERO, counted + 1);
        }
        if (!take) {
            return new Acquired(null, Duration.ZERO, counted);
        }
        return denied(now, (OffsetDateTime) live.get(Math.max(0, counted - maxRequests))[1], window, counted);
    }

    private static Array array(Connection connection, String type, List<Object[]> permits, int column)
            throws SQLException {
        return connection.createArrayOf(type, permits.stream().map(permit -> permit[column]).toArray());
    }

    private static Acquired denied(OffsetDateTime now, OffsetDateTime leaving, Duration window, int counted) {
        Duration wait = leaving == null ? Duration.ZERO : Duration.between(now, leaving.plus(window));
        return new Acquired(null, wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait, counted);
    }
}
