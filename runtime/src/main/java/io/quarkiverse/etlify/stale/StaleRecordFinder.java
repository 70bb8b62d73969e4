package io.quarkiverse.etlify.stale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.mapping.Mapping;
import io.quarkiverse.etlify.mapping.MappingRegistry;
import io.quarkiverse.etlify.state.SqlDialect;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds the records of a mapping whose CRM copy is stale: no sync row, or a freshness watermark
 * (newest update time of the record and of its dependencies) newer than the one stored when its
 * last payload was built, or a different number of records reached through its dependencies.
 * Records outside the mapping's {@code staleScope}, and records whose sync failed
 * {@code maxSyncErrors} times in a row, are left out.
 * <p>
 * One set-based statement per window of owner ids, each window in its own short transaction, ids
 * in ascending order: memory stays flat whatever the table size.
 */
@ApplicationScoped
public class StaleRecordFinder {

    private static final Logger LOG = Logger.getLogger(StaleRecordFinder.class);

    /** Owners examined per statement: large enough for set-based plans, small enough for short transactions. */
    static final int SCAN_WINDOW = 20_000;

    @Inject
    MappingRegistry registry;

    private final Map<Mapping, StaleQuery> queries = new ConcurrentHashMap<>();

    /**
     * Streams the ids of the mapping's stale records, ascending, in pages of {@code pageSize} ids
     * (the last page may be shorter; no page is empty). The ids have the entity's id type. The
     * consumer runs outside the finder's transactions and may sync the records it receives.
     *
     * @param mapping the mapping, which names the CRM
     * @param crmName the mapping's CRM
     * @param maxSyncErrors failures after which a record is left out
     * @param pageSize ids per page
     * @param page receives each page
     */
    public void forEachPage(Mapping mapping, String crmName, int maxSyncErrors, int pageSize, Consumer<List<Object>> page) {
        check(mapping, crmName, maxSyncErrors);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
        }
        int window = Math.max(pageSize, SCAN_WINDOW);
        List<Object> pending = new ArrayList<>(pageSize);
        Object after = null;
        while (true) {
            Object windowStart = after;
            Window found = QuarkusTransaction.requiringNew()
                    .call(() -> work(mapping, (query, connection) -> window(query, connection,
                            new Bindings(crmName, mapping.resourceType(), maxSyncErrors, windowStart, window))));
            if (found.upTo() == null) {
                break;
            }
            for (Object id : found.staleIds()) {
                pending.add(id);
                if (pending.size() == pageSize) {
                    page.accept(List.copyOf(pending));
                    pending.clear();
                }
            }
            after = found.upTo();
        }
        if (!pending.isEmpty()) {
            page.accept(List.copyOf(pending));
        }
    }

    /**
     * The number of the mapping's stale records, by one statement.
     *
     * @param mapping the mapping, which names the CRM
     * @param crmName the mapping's CRM
     * @param maxSyncErrors failures after which a record is left out
     */
    public long count(Mapping mapping, String crmName, int maxSyncErrors) {
        check(mapping, crmName, maxSyncErrors);
        return QuarkusTransaction.requiringNew().call(() -> work(mapping, (query, connection) -> {
            Bindings bindings = new Bindings(crmName, mapping.resourceType(), maxSyncErrors, null, 0);
            try (PreparedStatement statement = prepare(connection, query.count(), bindings, null);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** The statement counting the mapping's stale records, for diagnostics ({@code EXPLAIN}). */
    public String countSql(Mapping mapping) {
        return QuarkusTransaction.requiringNew().call(() -> work(mapping, (query, connection) -> query.count().text()));
    }

    private static void check(Mapping mapping, String crmName, int maxSyncErrors) {
        if (!mapping.crm().equals(crmName)) {
            throw new IllegalArgumentException(mapping + " belongs to CRM '" + mapping.crm() + "', not '" + crmName + "'");
        }
        if (maxSyncErrors < 1) {
            throw new IllegalArgumentException("maxSyncErrors must be positive, got " + maxSyncErrors);
        }
    }

    private Window window(StaleQuery query, Connection connection, Bindings bindings) throws SQLException {
        Object upTo;
        try (PreparedStatement statement = prepare(connection,
                bindings.after() == null ? query.firstBounds() : query.nextBounds(), bindings, null);
                ResultSet rs = statement.executeQuery()) {
            upTo = rs.next() ? rs.getObject(1, query.idType()) : null;
        }
        if (upTo == null) {
            return new Window(null, List.of());
        }
        List<Object> stale = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection,
                bindings.after() == null ? query.firstStale() : query.nextStale(), bindings, upTo);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                stale.add(rs.getObject(1, query.idType()));
            }
        }
        return new Window(upTo, stale);
    }

    private static PreparedStatement prepare(Connection connection, StaleQuery.Sql sql, Bindings bindings, Object upTo)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text());
        int index = 1;
        for (StaleQuery.Param param : sql.params()) {
            Object value = switch (param) {
                case CRM -> bindings.crmName();
                case RESOURCE_TYPE -> bindings.resourceType();
                case MAX_SYNC_ERRORS -> bindings.maxSyncErrors();
                case AFTER -> bindings.after();
                case UP_TO -> upTo;
                case LIMIT -> bindings.window();
            };
            statement.setObject(index++, value);
        }
        return statement;
    }

    private <T> T work(Mapping mapping, QueryWork<T> work) {
        Session session = Panache.getEntityManager(mapping.entityType()).unwrap(Session.class);
        return session.doReturningWork(connection -> work.run(query(mapping, session, connection), connection));
    }

    private StaleQuery query(Mapping mapping, Session session, Connection connection) throws SQLException {
        StaleQuery query = queries.get(mapping);
        if (query == null) {
            SqlDialect dialect = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
            EntityMappingType owner = session.getSessionFactory().unwrap(SessionFactoryImplementor.class)
                    .getMappingMetamodel().getEntityDescriptor(mapping.entityType());
            query = new StaleQueryBuilder(registry, dialect).build(mapping, owner);
            LOG.debugf("Stale records of %s: %s", mapping, query.nextStale());
            queries.put(mapping, query);
        }
        return query;
    }

    @FunctionalInterface
    private interface QueryWork<T> {
        T run(StaleQuery query, Connection connection) throws SQLException;
    }

    private record Bindings(String crmName, String resourceType, int maxSyncErrors, Object after, int window) {
    }

    private record Window(Object upTo, List<Object> staleIds) {
    }
}
