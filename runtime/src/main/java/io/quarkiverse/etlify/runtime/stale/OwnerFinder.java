package io.quarkiverse.etlify.runtime.stale;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Path;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Step;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Table;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Finds the records that changed rows concern, from the description of dependency paths the stale finder reads
 * ({@link MappingTables}): the records reaching, through a path, a row that was inserted, updated or deleted, or
 * whose collection changed. One statement per path step and call, whatever the number of changed rows (their ids
 * are bound as one array); no entity is loaded.
 */
@ApplicationScoped
public class OwnerFinder {

    private static final Logger LOG = Logger.getLogger(OwnerFinder.class);

    @Inject
    MappingRegistry registry;

    private final Map<Mapping, Statements> statements = new ConcurrentHashMap<>();

    /** The steps of the mapping's dependency paths, in path order, each path from the record outwards. */
    public List<DependencyStep> steps(Mapping mapping, SessionFactoryImplementor factory) {
        List<DependencyStep> steps = new ArrayList<>();
        List<Path> paths = statements(mapping, factory).tables().dependencies();
        for (int p = 0; p < paths.size(); p++) {
            List<Step> pathSteps = paths.get(p).steps();
            for (int i = 0; i < pathSteps.size(); i++) {
                Step step = pathSteps.get(i);
                steps.add(new DependencyStep(p, i + 1, step.idColumn() == null ? null : step.entity(),
                        step.collectionRole(), step.parentAttribute()));
            }
        }
        return steps;
    }

    /**
     * Whether every row of the mapping's table is one of its records (no other entity type's rows share it), so
     * that the ids of rows of its entity class are its records' without a look-up.
     */
    public boolean ownsWholeTable(Mapping mapping, SessionFactoryImplementor factory) {
        return statements(mapping, factory).tables().records() instanceof Table;
    }

    /**
     * The ids of the mapping's records reaching, through the dependency path of index {@code path}, a row of its step
     * {@code position} (from 1) with one of {@code ids}; with {@code position} 0, those of {@code ids} that are its
     * records. Runs in the current transaction, which must be active.
     */
    public Set<Object> owners(Mapping mapping, int path, int position, Collection<?> ids) {
        Set<Object> owners = new LinkedHashSet<>();
        if (ids.isEmpty()) {
            return owners;
        }
        Session session = Panache.getEntityManager(mapping.entityType()).unwrap(Session.class);
        Statements mapped = statements(mapping, session.getSessionFactory().unwrap(SessionFactoryImplementor.class));
        String sql = position == 0 ? mapped.records() : mapped.ownersReaching(path, position);
        if (sql == null) {
            return owners;
        }
        Class<?> idType = mapped.tables().idType();
        long start = System.nanoTime();
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Array array = connection.createArrayOf(arrayType(ids.iterator().next()), ids.toArray());
                statement.setArray(1, array);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        owners.add(rs.getObject(1, idType));
                    }
                }
                array.free();
            }
        });
        LOG.debugf("Owners of %s: %d changed row(s) at step %d of dependency path %d concern %d record(s) (%d us)",
                mapping, ids.size(), position, path, owners.size(), (System.nanoTime() - start) / 1_000);
        return owners;
    }

    private Statements statements(Mapping mapping, SessionFactoryImplementor factory) {
        return statements.computeIfAbsent(mapping, m -> new Statements(new MappingTablesReader(registry, m)
                .read(factory.getMappingMetamodel().getEntityDescriptor(m.entityType()))));
    }

    /** The SQL array type of ids of this Java type. */
    private static String arrayType(Object id) {
        if (id instanceof Long) {
            return "bigint";
        }
        if (id instanceof Integer) {
            return "integer";
        }
        if (id instanceof Short) {
            return "smallint";
        }
        if (id instanceof UUID) {
            return "uuid";
        }
        return "varchar";
    }

    /** A mapping's tables and its owner statements, written once per path step. */
    private static final class Statements {

        private final MappingTables tables;
        private final OwnerSqlWriter writer;
        private final Map<Integer, String> byStep = new ConcurrentHashMap<>();

        Statements(MappingTables tables) {
            this.tables = tables;
            this.writer = new OwnerSqlWriter(tables);
        }

        MappingTables tables() {
            return tables;
        }

        String records() {
            return byStep.computeIfAbsent(-1, k -> writer.records());
        }

        String ownersReaching(int path, int position) {
            // a null statement is not cached: computeIfAbsent keeps no entry for it
            return byStep.computeIfAbsent(path * 1_000 + position, k -> writer.ownersReaching(path, position));
        }
    }
}
