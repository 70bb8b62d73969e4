package io.quarkiverse.etlify.runtime.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A sliding log of the requests sent to each CRM, shared by every instance of the application
 * through the database. Taking a permit is one short transaction that locks the CRM's row in
 * {@code etlify_rate_limits}, counts the permits of the window and records a new one when there is
 * room: two statements on PostgreSQL, the lock and {@link #TAKE_PERMIT}; recording its end is one. A permit counts from its grant while its request is in flight, then from the moment the
 * request completed ({@link #done(long)}): the CRM received the request in between, so the CRM's own
 * window for it has always closed by the time ours does, however long sending took. Times come
 * from the database clock, so instances never disagree about them.
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
     * On PostgreSQL, after the lock, one statement on the database clock: prunes the permits out of the window,
     * counts those in it, records a new one when there is room, and otherwise finds the permit that must
     * leave the window before one is free (with max=5 and 5 counted, the oldest). The lock is a statement of
     * its own: a statement sees the permits committed before it started, so it must start once the lock is held.
     */
    private static final String TAKE_PERMIT = """
            WITH t AS (SELECT clock_timestamp() AS now),
            pruned AS (DELETE FROM etlify_rate_limit_permits p USING t
                WHERE p.crm_name = ? AND p.counted_from <= t.now - make_interval(secs => ?)),
            live AS (SELECT p.counted_from FROM etlify_rate_limit_permits p, t
                WHERE p.crm_name = ? AND p.counted_from > t.now - make_interval(secs => ?)),
            counted AS (SELECT COUNT(*) AS n FROM live),
            granted AS (INSERT INTO etlify_rate_limit_permits (crm_name, counted_from)
                SELECT ?, t.now FROM t, counted WHERE counted.n < ? RETURNING id)
            SELECT (SELECT id FROM granted), (SELECT n FROM counted), t.now,
                (SELECT counted_from FROM live ORDER BY counted_from
                    OFFSET GREATEST((SELECT n FROM counted) - ?, 0) LIMIT 1)
            FROM t""";

    /** Takes a permit for the CRM when fewer than {@code maxRequests} count within the last {@code window}. */
    public Acquired tryAcquire(String crmName, int maxRequests, Duration window) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            lock(connection, crmName);
            return Jdbc.dialect(connection) == SqlDialect.POSTGRESQL ? takePermit(connection, crmName, maxRequests, window)
                    : takePermitStepByStep(connection, crmName, maxRequests, window);
        }));
    }

    private static Acquired takePermit(Connection connection, String crmName, int maxRequests, Duration window)
            throws SQLException {
        double seconds = window.toNanos() / 1e9;
        try (PreparedStatement take = connection.prepareStatement(TAKE_PERMIT)) {
            take.setString(1, crmName);
            take.setDouble(2, seconds);
            take.setString(3, crmName);
            take.setDouble(4, seconds);
            take.setString(5, crmName);
            take.setInt(6, maxRequests);
            take.setInt(7, maxRequests);
            try (ResultSet rs = take.executeQuery()) {
                rs.next();
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

    private static Acquired takePermitStepByStep(Connection connection, String crmName, int maxRequests,
            Duration window) throws SQLException {
        OffsetDateTime now = Jdbc.dialect(connection).now(connection);
        try (PreparedStatement prune = connection.prepareStatement(
                "DELETE FROM etlify_rate_limit_permits WHERE crm_name = ? AND counted_from <= ?")) {
            prune.setString(1, crmName);
            prune.setObject(2, now.minus(window), Types.TIMESTAMP_WITH_TIMEZONE);
            prune.executeUpdate();
        }
        int counted = count(connection, crmName);
        if (counted < maxRequests) {
            return new Acquired(insert(connection, crmName, now), Duration.ZERO, counted + 1);
        }
        return denied(now, nthOldest(connection, crmName, counted - maxRequests), window, counted);
    }

    private static Acquired denied(OffsetDateTime now, OffsetDateTime leaving, Duration window, int counted) {
        Duration wait = Duration.between(now, leaving.plus(window));
        return new Acquired(null, wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait, counted);
    }

    /** The request of a permit completed: from now on the permit counts from now. */
    public void done(long permitId) {
        QuarkusTransaction.requiringNew().run(() -> Jdbc.work(connection -> {
            boolean postgres = Jdbc.dialect(connection) == SqlDialect.POSTGRESQL;
            try (PreparedStatement update = connection.prepareStatement("UPDATE etlify_rate_limit_permits SET counted_from = "
                    + (postgres ? "clock_timestamp()" : "?") + " WHERE id = ?")) {
                int index = 1;
                if (!postgres) {
                    update.setObject(index++, Jdbc.dialect(connection).now(connection), Types.TIMESTAMP_WITH_TIMEZONE);
                }
                update.setLong(index, permitId);
                return update.executeUpdate();
            }
        }));
    }

    private void lock(Connection connection, String crmName) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT crm_name FROM etlify_rate_limits WHERE crm_name = ? FOR UPDATE")) {
                select.setString(1, crmName);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(Jdbc.dialect(connection).insertRateLimitRow())) {
                insert.setString(1, crmName);
                insert.executeUpdate();
            }
        }
        throw new IllegalStateException("Could not lock the rate-limit row of CRM " + crmName);
    }

    private static long insert(Connection connection, String crmName, OffsetDateTime now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO etlify_rate_limit_permits (crm_name, counted_from) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, crmName);
            insert.setObject(2, now, Types.TIMESTAMP_WITH_TIMEZONE);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                // the id is the first column whether the driver returns the key alone or the whole row
                return keys.getLong(1);
            }
        }
    }

    private static int count(Connection connection, String crmName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM etlify_rate_limit_permits WHERE crm_name = ?")) {
            select.setString(1, crmName);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static OffsetDateTime nthOldest(Connection connection, String crmName, int offset) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT counted_from FROM etlify_rate_limit_permits"
                + " WHERE crm_name = ? ORDER BY counted_from LIMIT 1 OFFSET ?")) {
            select.setString(1, crmName);
            select.setInt(2, offset);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }
}
