package io.quarkiverse.etlify.runtime.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Named leases shared by every instance ({@code etlify_leases}), timed by the database clock: one
 * holder at a time, and a crashed holder's lease expires.
 */
@ApplicationScoped
public class LeaseStore {

    /** Takes the lease for {@code duration} if it is free, expired or already held by {@code owner}. */
    public boolean tryAcquire(String name, String owner, Duration duration) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(Jdbc.dialect(connection).acquireLease())) {
                    statement.setString(1, name);
                    statement.setString(2, owner);
                    statement.setLong(3, duration.toMillis());
                    return statement.executeUpdate() == 1;
                }
            }));
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return false; // another instance inserted it at the same moment
            }
            throw e;
        }
    }

    /** Who holds the lease now, if anyone does and it has not expired. */
    public Optional<String> holder(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT owner FROM etlify_leases WHERE name = ? AND expires_at >= CURRENT_TIMESTAMP")) {
                statement.setString(1, name);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String> empty();
                }
            }
        }));
    }

    /** Gives the lease back if {@code owner} holds it. */
    public void release(String name, String owner) {
        QuarkusTransaction.requiringNew().run(() -> Jdbc.work(connection -> {
            try (PreparedStatement statement = connection
                    .prepareStatement("DELETE FROM etlify_leases WHERE name = ? AND owner = ?")) {
                statement.setString(1, name);
                statement.setString(2, owner);
                return statement.executeUpdate();
            }
        }));
    }

    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
