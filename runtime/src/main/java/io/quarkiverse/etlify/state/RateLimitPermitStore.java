package io.quarkiverse.etlify.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A sliding log of the requests sent to each CRM, shared by every instance of the application
 * through the database: taking a permit is one short transaction that locks the CRM's row in
 * {@code etlify_rate_limits}, counts the permits granted within the window and records a new one
 * when there is room. Times come from the database clock, so instances never disagree about them.
 */
@ApplicationScoped
public class RateLimitPermitStore {

    private volatile SqlDialect dialect;

    /**
     * Takes a permit for the CRM when fewer than {@code maxRequests} were granted within the last
     * {@code window}.
     *
     * @return {@link Duration#ZERO} when the permit was granted, otherwise how long until the oldest
     *         permit of the window expires (no permit taken)
     */
    public Duration tryAcquire(String crmName, int maxRequests, Duration window) {
        return QuarkusTransaction.requiringNew().call(() -> work(connection -> {
            lock(connection, crmName);
            OffsetDateTime now = dialect(connection).now(connection);
            OffsetDateTime windowStart = now.minus(window);
            try (PreparedStatement prune = connection.prepareStatement(
                    "DELETE FROM etlify_rate_limit_permits WHERE crm_name = ? AND granted_at <= ?")) {
                prune.setString(1, crmName);
                prune.setObject(2, windowStart, Types.TIMESTAMP_WITH_TIMEZONE);
                prune.executeUpdate();
            }
            int granted = count(connection, crmName);
            if (granted < maxRequests) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO etlify_rate_limit_permits (crm_name, granted_at) VALUES (?, ?)")) {
                    insert.setString(1, crmName);
                    insert.setObject(2, now, Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.executeUpdate();
                }
                return Duration.ZERO;
            }
            // the permit that must expire before one is free again: with max=5 and 5 granted, the oldest
            OffsetDateTime freedBy = nthOldest(connection, crmName, granted - maxRequests);
            Duration wait = Duration.between(now, freedBy.plus(window));
            return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait;
        }));
    }

    /** Forgets every permit of a CRM (tests, or after changing its limit). */
    public void clear(String crmName) {
        QuarkusTransaction.requiringNew().run(() -> work(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM etlify_rate_limit_permits WHERE crm_name = ?")) {
                delete.setString(1, crmName);
                return delete.executeUpdate();
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
            try (PreparedStatement insert = connection.prepareStatement(dialect(connection).insertRateLimitRow())) {
                insert.setString(1, crmName);
                insert.executeUpdate();
            }
        }
        throw new IllegalStateException("Could not lock the rate-limit row of CRM " + crmName);
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
        try (PreparedStatement select = connection.prepareStatement("SELECT granted_at FROM etlify_rate_limit_permits"
                + " WHERE crm_name = ? ORDER BY granted_at LIMIT 1 OFFSET ?")) {
            select.setString(1, crmName);
            select.setInt(2, offset);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private SqlDialect dialect(Connection connection) throws SQLException {
        SqlDialect d = dialect;
        if (d == null) {
            dialect = d = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
        }
        return d;
    }

    private static <T> T work(SqlWork<T> work) {
        Session session = Panache.getEntityManager(CrmSynchronisation.class).unwrap(Session.class);
        return session.doReturningWork(work::run);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
