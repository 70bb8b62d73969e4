package io.quarkiverse.etlify.runtime.stale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.crm.DaemonThreads;
import io.quarkiverse.etlify.runtime.mapping.Freshness;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.state.Jdbc;
import io.quarkiverse.etlify.runtime.state.SqlDialect;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds the records of a mapping whose CRM copy is stale: no sync row, or a freshness watermark
 * (newest update time of the record and of its dependencies) newer than the one stored when its
 * last payload was built, or a different number of records reached through its dependencies.
 * Records outside the mapping's {@code staleScope}, and records whose sync failed
 * {@code maxSyncErrors} times in a row, are left out.
 * <p>
 * One set-based statement per window of owner ids (a window none of whose owners has a sync row is stale as a
 * whole: its ids are read without computing any freshness), each in its own short transaction,
 * {@code quarkus.etlify.batch-sync.finder-parallelism} windows searched at once; ids in ascending order.
 * Memory stays flat whatever the table size: a few windows' stale ids at most.
 * <p>
 * The statements of every mapping are built at start-up, from Hibernate's mapping model
 * ({@link MappingTablesReader}, then {@link StaleSqlWriter}); a mapping they cannot read stops the
 * application there.
 */
@ApplicationScoped
public class StaleRecordFinder {

    private static final Logger LOG = Logger.getLogger(StaleRecordFinder.class);

    /** Owners examined per statement: large enough for set-based plans, small enough for short transactions. */
    static final int SCAN_WINDOW = 20_000;

    /** Records read for their freshness per statement: bounded by the databases' limits on placeholders. */
    static final int FRESHNESS_CHUNK = 1_000;

    @Inject
    MappingRegistry registry;

    @Inject
    EtlifyRuntimeConfig config;

    private final Map<Mapping, StaleQuery> queries = new ConcurrentHashMap<>();

    /**
     * Streams the ids of the mapping's stale records, ascending, in pages of {@code pageSize} ids
     * (the last page may be shorter; no page is empty). The ids have the entity's id type. The
     * consumer runs outside the finder's transactions and may sync the records it receives.
     *
     * @param mapping the mapping, which names the CRM
     * @param maxSyncErrors failures after which a record is left out
     * @param pageSize ids per page
     * @param page receives each page
     */
    public void forEachPage(Mapping mapping, int maxSyncErrors, int pageSize, Consumer<List<Object>> page) {
        check(maxSyncErrors);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
        }
        Scan scan = new Scan(mapping.crm(), mapping.resourceType(), maxSyncErrors, Math.max(pageSize, SCAN_WINDOW));
        Pages pages = new Pages(pageSize, page);
        // windows are delimited here, one after the other (cheap index scans), and searched by
        // as many threads as windows searched at once, each on its own connection; their ids are
        // handed over in window order
        int parallelism = config.batchSync().finderParallelism();
        ExecutorService searchers = DaemonThreads.fixedPool(parallelism, "etlify-stale-finder");
        Deque<Future<List<Object>>> searching = new ArrayDeque<>();
        try {
            while (true) {
                Window window = QuarkusTransaction.requiringNew()
                        .call(() -> work(mapping, (query, connection) -> scan.next(query, connection)));
                if (window == null) {
                    break;
                }
                searching.add(searchers.submit(() -> QuarkusTransaction.requiringNew()
                        .call(() -> work(mapping, (query, connection) -> scan.search(query, connection, window)))));
                // one window more than searchers: the next window is delimited while they search
                if (searching.size() > parallelism) {
                    pages.addAll(await(searching.poll()));
                }
            }
            while (!searching.isEmpty()) {
                pages.addAll(await(searching.poll()));
            }
            pages.flush();
        } finally {
            searching.forEach(future -> future.cancel(true));
            searchers.shutdown();
        }
    }

    /**
     * The number of the mapping's stale records, by one statement.
     *
     * @param mapping the mapping, which names the CRM
     * @param maxSyncErrors failures after which a record is left out
     */
    public long count(Mapping mapping, int maxSyncErrors) {
        check(maxSyncErrors);
        Map<StaleQuery.Param, Object> values = values(mapping.crm(), mapping.resourceType(), maxSyncErrors);
        return QuarkusTransaction.requiringNew().call(() -> work(mapping, (query, connection) -> {
            try (PreparedStatement statement = prepare(connection, query.count(), values);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /**
     * The {@link Freshness} of records, keyed by resource id: the one definition of it, which the stale
     * statements apply too (no entity nor association loaded). Records that do not exist, or that belong to
     * another mapping (a subclass mapped for the same CRM), are absent. Runs in the current transaction,
     * which must be active: read before the records' payloads, the watermark can only be older than what
     * they show, never newer.
     *
     * @param mapping the records' mapping
     * @param ids the records' ids, of the entity's id type
     */
    public Map<String, Freshness> freshness(Mapping mapping, List<?> ids) {
        return work(mapping, (query, connection) -> {
            Map<String, Freshness> freshness = new HashMap<>();
            Map<StaleQuery.Param, Object> values = new EnumMap<>(StaleQuery.Param.class);
            for (int from = 0; from < ids.size(); from += FRESHNESS_CHUNK) {
                values.put(StaleQuery.Param.IDS, ids.subList(from, Math.min(ids.size(), from + FRESHNESS_CHUNK)));
                try (PreparedStatement statement = prepare(connection, query.freshness(), values);
                        ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        freshness.put(ResourceIds.render(rs.getObject(1, query.idType())), new Freshness(
                                rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getLong(3)));
                    }
                }
            }
            return freshness;
        });
    }

    /**
     * The {@link Freshness} of one record, as {@link #freshness(Mapping, List)} reads it; empty when the
     * mapping has no record of that id.
     */
    public Optional<Freshness> freshnessOf(Mapping mapping, Object id) {
        return freshness(mapping, List.of(id)).values().stream().findFirst();
    }

    /**
     * Runs {@code work} on the connection of the mapping's persistence unit with the statement that reads one
     * record's {@link Freshness}, so that it can be run as part of a larger statement (see {@link FreshnessSql}).
     * Requires a transaction.
     */
    public <T> T withFreshnessSql(Mapping mapping, Object id, FreshnessWork<T> work) {
        return work(mapping, (query, connection) -> {
            StaleQuery.Sql sql = query.freshness();
            List<Object> values = new ArrayList<>();
            for (StaleQuery.Param param : sql.params()) {
                if (param != StaleQuery.Param.IDS) {
                    throw new IllegalStateException("The freshness statement of " + mapping + " takes " + param);
                }
                values.add(id);
            }
            return work.run(new FreshnessSql(sql.text(1), values), connection);
        });
    }

    /**
     * The statement reading one record's freshness: its columns are the record's id, watermark and dependency
     * count (no row when the record does not exist).
     *
     * @param values its placeholders' values, in order
     */
    public record FreshnessSql(String text, List<Object> values) {

        /** Binds the values from placeholder {@code index} on; returns the index after them. */
        public int bind(PreparedStatement statement, int index) throws SQLException {
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            return index;
        }

        /** The freshness read from the three columns from {@code column} on; {@code null} when they are empty. */
        public Freshness read(ResultSet rs, int column) throws SQLException {
            OffsetDateTime watermark = rs.getObject(column + 1, OffsetDateTime.class);
            return rs.getObject(column) == null || watermark == null ? null
                    : new Freshness(watermark.toInstant(), rs.getLong(column + 2));
        }
    }

    /** Work with a record's freshness statement. */
    @FunctionalInterface
    public interface FreshnessWork<T> {
        T run(FreshnessSql freshness, Connection connection) throws SQLException;
    }

    /**
     * Builds the statements of every mapping, once, in a transaction of its own; a mapping whose records
     * or dependencies cannot be read in SQL adds a problem naming its entity and dependency path. Runs at
     * start-up, so that no such mapping gets as far as a sync.
     *
     * @param mappings the mappings to build, each an entity of its persistence unit
     * @param problems receives one line per problem, each naming its mapping
     */
    public void buildStatements(List<Mapping> mappings, List<String> problems) {
        if (mappings.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Mapping mapping : mappings) {
                try {
                    work(mapping, (query, connection) -> query);
                } catch (UnsupportedMappingException e) {
                    problems.addAll(e.problems());
                }
            }
        });
    }

    private static void check(int maxSyncErrors) {
        if (maxSyncErrors < 1) {
            throw new IllegalArgumentException("maxSyncErrors must be positive, got " + maxSyncErrors);
        }
    }

    private static List<Object> await(Future<List<Object>> search) {
        try {
            return search.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while finding stale records", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Cuts ids into full pages. */
    private static final class Pages {

        private final int size;
        private final Consumer<List<Object>> consumer;
        private final List<Object> pending;

        Pages(int size, Consumer<List<Object>> consumer) {
            this.size = size;
            this.consumer = consumer;
            this.pending = new ArrayList<>(size);
        }

        void addAll(List<Object> ids) {
            for (Object id : ids) {
                pending.add(id);
                if (pending.size() == size) {
                    flush();
                }
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                consumer.accept(List.copyOf(pending));
                pending.clear();
            }
        }
    }

    /**
     * A window of consecutive owner ids; for ids other than integers, also the lowest and highest
     * {@code resource_id} of its ids, which bound its sync rows.
     */
    private record Window(Object first, Object last, String fromKey, String toKey) {
    }

    /** Delimits the windows, one after the other. */
    private static final class Scan {

        private final String crmName;
        private final String resourceType;
        private final int maxSyncErrors;
        private final int size;
        private Object after;
        private boolean started;
        private boolean done;

        Scan(String crmName, String resourceType, int maxSyncErrors, int size) {
            this.crmName = crmName;
            this.resourceType = resourceType;
            this.maxSyncErrors = maxSyncErrors;
            this.size = size;
        }

        /** The next window, {@code null} after the last one. */
        Window next(StaleQuery query, Connection connection) throws SQLException {
            if (done) {
                return null;
            }
            Map<StaleQuery.Param, Object> values = new EnumMap<>(StaleQuery.Param.class);
            values.put(StaleQuery.Param.AFTER, after);
            Object first = single(connection, started ? query.nextId() : query.firstId(), values, query.idType());
            started = true;
            if (first == null) {
                done = true;
                return null;
            }
            values.put(StaleQuery.Param.FIRST, first);
            values.put(StaleQuery.Param.LIMIT, size);
            Object last = single(connection, query.lastId(), values, query.idType());
            values.put(StaleQuery.Param.LAST, last);
            after = last;
            if (StaleQuery.numeric(query.idType())) {
                return new Window(first, last, null, null);
            }
            try (PreparedStatement statement = prepare(connection, query.keyBounds(), values);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Window(first, last, rs.getString(1), rs.getString(2));
            }
        }

        /** The stale ids of a window, ascending. */
        List<Object> search(StaleQuery query, Connection connection, Window window) throws SQLException {
            Map<StaleQuery.Param, Object> values = values(crmName, resourceType, maxSyncErrors);
            values.put(StaleQuery.Param.FIRST, window.first());
            values.put(StaleQuery.Param.LAST, window.last());
            values.put(StaleQuery.Param.FROM_KEY, window.fromKey());
            values.put(StaleQuery.Param.TO_KEY, window.toKey());
            List<Object> stale = new ArrayList<>();
            // a window none of whose owners was ever synced is stale as a whole: no freshness to compute
            boolean synced = single(connection, query.syncedInWindow(), values, Integer.class) != null;
            if (synced) {
                Jdbc.dialect(connection).aggregateBySorting(connection);
            }
            try (PreparedStatement statement = prepare(connection, synced ? query.staleInWindow() : query.idsInWindow(),
                    values);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getObject(1, query.idType()));
                }
            }
            if (StaleQuery.numeric(query.idType())) {
                stale.sort(null);
            }
            return stale;
        }

        private static Object single(Connection connection, StaleQuery.Sql sql, Map<StaleQuery.Param, Object> values,
                Class<?> type) throws SQLException {
            try (PreparedStatement statement = prepare(connection, sql, values);
                    ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1, type) : null;
            }
        }
    }

    private static Map<StaleQuery.Param, Object> values(String crmName, String resourceType, int maxSyncErrors) {
        Map<StaleQuery.Param, Object> values = new EnumMap<>(StaleQuery.Param.class);
        values.put(StaleQuery.Param.CRM, crmName);
        values.put(StaleQuery.Param.RESOURCE_TYPE, resourceType);
        values.put(StaleQuery.Param.MAX_SYNC_ERRORS, maxSyncErrors);
        return values;
    }

    private static PreparedStatement prepare(Connection connection, StaleQuery.Sql sql, Map<StaleQuery.Param, Object> values)
            throws SQLException {
        List<?> ids = (List<?>) values.getOrDefault(StaleQuery.Param.IDS, List.of());
        PreparedStatement statement = connection.prepareStatement(sql.text(ids.size()));
        int index = 1;
        for (StaleQuery.Param param : sql.params()) {
            if (param == StaleQuery.Param.IDS) {
                for (Object id : ids) {
                    statement.setObject(index++, id);
                }
            } else {
                statement.setObject(index++, values.get(param));
            }
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
            SqlDialect dialect = Jdbc.dialect(connection);
            EntityMappingType owner = session.getSessionFactory().unwrap(SessionFactoryImplementor.class)
                    .getMappingMetamodel().getEntityDescriptor(mapping.entityType());
            query = new StaleSqlWriter(new MappingTablesReader(registry, mapping).read(owner), dialect).write();
            LOG.debugf("Stale records of %s: %s", mapping, query.staleInWindow());
            queries.put(mapping, query);
        }
        return query;
    }

    @FunctionalInterface
    private interface QueryWork<T> {
        T run(StaleQuery query, Connection connection) throws SQLException;
    }

}
