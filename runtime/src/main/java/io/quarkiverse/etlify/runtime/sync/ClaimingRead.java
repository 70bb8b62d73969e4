package io.quarkiverse.etlify.runtime.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.runtime.mapping.Freshness;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.Jdbc;
import io.quarkiverse.etlify.runtime.state.SqlDialect;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncRow;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The first statement of a sync now, where one statement can do it (PostgreSQL, the entity in Etlify's
 * persistence unit): reads the record's freshness and sync row and claims the record, as {@link RecordClaims} and
 * the separate reads would, one round trip instead of three.
 */
@ApplicationScoped
class ClaimingRead {

    @Inject
    StaleRecordFinder finder;

    private final Map<Class<?>, Boolean> sharesConnection = new ConcurrentHashMap<>();
    /** The statement of each mapping, built once: none where the database needs separate statements. */
    private final Map<Mapping, Optional<String>> statements = new ConcurrentHashMap<>();

    /**
     * What one statement read, within the current transaction.
     *
     * @param claimed whether the claim was taken (nothing else counts otherwise)
     * @param row the sync row, {@code null} when none was read: one may have been inserted since the statement's
     *        snapshot, so the caller reads it again now that it holds the claim
     * @param freshness {@code null} when the record does not exist
     */
    record Result(boolean claimed, SyncRow row, Freshness freshness) {
    }

    /** Claims and reads in one statement; {@code null} when that takes separate statements here. */
    Result claim(Mapping mapping, Object id, SyncKey key, String owner, Duration lease) {
        if (!sharesConnection.computeIfAbsent(mapping.entityType(), ClaimingRead::sameUnit)) {
            return null;
        }
        return finder.withFreshnessSql(mapping, id, (freshness, connection) -> {
            SqlDialect dialect = Jdbc.dialect(connection);
            String sql = statements
                    .computeIfAbsent(mapping, m -> Optional.ofNullable(dialect.claimReadingRow(freshness.text())))
                    .orElse(null);
            if (sql == null) {
                return null;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = freshness.bind(statement, 1);
                statement.setString(i++, key.crmName());
                statement.setString(i++, key.resourceType());
                statement.setString(i++, key.resourceId());
                statement.setString(i++, key.crmName());
                statement.setString(i++, key.resourceType());
                statement.setString(i++, key.resourceId());
                statement.setString(i++, owner);
                statement.setLong(i, lease.toMillis());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    SyncRow row = rs.getObject(2) == null ? null
                            : new SyncRow(rs.getString(3), rs.getString(4), rs.getInt(5), rs.getObject(6) != null);
                    return new Result(rs.getInt(1) > 0, row, freshness.read(rs, 7));
                }
            }
        });
    }

    /** Whether the entity's persistence unit is Etlify's: its tables and the sync rows share a connection. */
    private static boolean sameUnit(Class<?> entityType) {
        return Panache.getEntityManager(entityType).getEntityManagerFactory() == Panache
                .getEntityManager(CrmSynchronisation.class).getEntityManagerFactory();
    }
}
