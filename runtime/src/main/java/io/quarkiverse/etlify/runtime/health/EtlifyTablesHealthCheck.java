package io.quarkiverse.etlify.runtime.health;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.state.EtlifyMigrations;
import io.quarkiverse.etlify.runtime.state.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Readiness of Etlify's tables (sync state, durable queue, claims, holds, leases, rate limits): down
 * when one query touching each of them, reading no row, fails.
 */
@Readiness
@ApplicationScoped
class EtlifyTablesHealthCheck implements HealthCheck {

    static final String NAME = "Etlify database";
    private static final Logger LOG = Logger.getLogger(EtlifyTablesHealthCheck.class);
    private static final int TIMEOUT_SECONDS = 5;
    private static final String SQL = EtlifyMigrations.REQUIRED_COLUMNS.keySet().stream().sorted()
            .map(table -> "SELECT 1 FROM " + table + " WHERE 1 = 0").collect(Collectors.joining(" UNION ALL "));

    @Override
    public HealthCheckResponse call() {
        try {
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> Jdbc.work(connection -> {
                try (PreparedStatement select = connection.prepareStatement(SQL)) {
                    select.setQueryTimeout(TIMEOUT_SECONDS);
                    try (ResultSet rows = select.executeQuery()) {
                        return rows.next();
                    }
                }
            }));
            return HealthCheckResponse.named(NAME).up().build();
        } catch (RuntimeException e) {
            LOG.debugf(e, "Etlify's tables cannot be read");
            return HealthCheckResponse.named(NAME).down().withData("error", describe(e)).build();
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "Etlify's tables cannot be read: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse(""));
    }
}
