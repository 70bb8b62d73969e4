package io.quarkiverse.etlify.runtime.stale;

import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.AFTER;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.CRM;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.FIRST;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.FROM_KEY;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.IDS;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.LAST;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.LIMIT;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.MAX_SYNC_ERRORS;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.RESOURCE_TYPE;
import static io.quarkiverse.etlify.runtime.stale.StaleQuery.Param.TO_KEY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.internal.EntityCollectionPart;
import org.hibernate.metamodel.mapping.internal.ManyToManyCollectionPart;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.state.SqlDialect;

/**
 * Builds the stale-record SQL of one mapping from Hibernate's mapping model (tables, join columns,
 * join tables, collection tables, discriminators), computing exactly what {@link Mapping#freshness}
 * computes in Java:
 * <ul>
 * <li>watermark: the newest update time of the record and of every record at the end of a dependency
 * path, {@code NULL} counting as the epoch;</li>
 * <li>count: the number of values at the end of every dependency path.</li>
 * </ul>
 * Each entity is read through one relation aliased once: its table, or a derived table restricted to
 * its rows (single-table subclass) or joining its tables (joined subclass). Dependency paths made of
 * foreign keys held by the record are joined directly (at most one row each); any other path is
 * aggregated per owner in a derived table restricted to the owners of the scanned window.
 */
final class StaleQueryBuilder {

    private final MappingRegistry registry;
    private final SqlDialect dialect;

    StaleQueryBuilder(MappingRegistry registry, SqlDialect dialect) {
        this.registry = registry;
        this.dialect = dialect;
    }

    StaleQuery build(Mapping mapping, EntityMappingType owner) {
        return new Statements(mapping, owner).build();
    }

    /** The statements of one mapping. */
    private final class Statements {

        private final Mapping mapping;
        private final EntityMappingType owner;
        private final Relation ownerRelation;
        private final String id;
        private final List<Dependency> dependencies = new ArrayList<>();

        Statements(Mapping mapping, EntityMappingType owner) {
            this.mapping = mapping;
            this.owner = owner;
            this.ownerRelation = relation(owner, excludedSubtypes(mapping, owner));
            List<String> idColumns = columns(owner.getIdentifierMapping());
            if (idColumns.size() != 1) {
                throw unsupported("its id spans " + idColumns.size() + " columns");
            }
            this.id = idColumns.get(0);
            int n = 0;
            for (String path : mapping.definition().getDependencies()) {
                dependencies.add(dependency(path, "d" + ++n));
            }
        }

        StaleQuery build() {
            Class<?> idType = boxed(owner.getIdentifierMapping().getJavaType().getJavaTypeClass());
            String from = " FROM " + ownerRelation.from() + " e";
            String ownerId = "e." + id;
            String castId = dialect.resourceId(ownerId);
            boolean numeric = StaleQuery.numeric(idType);
            return new StaleQuery(idType,
                    new StaleQuery.Builder().append("SELECT " + ownerId + from + " ORDER BY " + ownerId)
                            .append(dialect.limitParameter().replace("?", "1")).build(),
                    new StaleQuery.Builder().append("SELECT " + ownerId + from + " WHERE " + ownerId + " > ").param(AFTER)
                            .append(" ORDER BY " + ownerId).append(dialect.limitParameter().replace("?", "1")).build(),
                    lastId(),
                    new StaleQuery.Builder().append("SELECT MIN(" + castId + "), MAX(" + castId + ")" + from + " WHERE ")
                            .append(ownerId + " >= ").param(FIRST).append(" AND " + ownerId + " <= ").param(LAST).build(),
                    stale(Owners.WINDOW, numeric), stale(Owners.ALL, numeric), freshness());
        }

        /** Watermark and count of the records of IDS, computed as the stale statements compute them. */
        private StaleQuery.Sql freshness() {
            String ownerId = "e." + id;
            StaleQuery.Builder sql = new StaleQuery.Builder()
                    .append("SELECT " + ownerId + ", " + watermark() + ", " + count() + " FROM " + ownerRelation.from() + " e");
            for (Dependency dependency : dependencies) {
                dependency.join(sql, Owners.LISTED);
            }
            sql.append(" WHERE ");
            restrict(sql, ownerId, Owners.LISTED);
            return sql.build();
        }

        /** The last id of the window starting at FIRST; ORDER BY rather than MAX, which not every id type has. */
        private StaleQuery.Sql lastId() {
            String ownerId = "e." + id;
            return new StaleQuery.Builder().append("SELECT w.k FROM (SELECT " + ownerId + " AS k FROM ")
                    .append(ownerRelation.from() + " e WHERE " + ownerId + " >= ").param(FIRST)
                    .append(" ORDER BY " + ownerId).append(dialect.limitParameter(), LIMIT).append(") w ORDER BY w.k DESC")
                    .append(dialect.limitParameter().replace("?", "1")).build();
        }

        /**
         * Stale ids of the window (ascending unless integers, which the finder sorts), or the number of
         * stale records; the sync rows joined on their number (integer ids) or text, restricted to the
         * window's range of either.
         */
        private StaleQuery.Sql stale(Owners owners, boolean numeric) {
            String ownerId = "e." + id;
            boolean windowed = owners == Owners.WINDOW;
            StaleQuery.Builder sql = new StaleQuery.Builder()
                    .append(windowed ? "SELECT " + ownerId : "SELECT COUNT(*)")
                    .append(" FROM " + ownerRelation.from() + " e");
            for (Dependency dependency : dependencies) {
                dependency.join(sql, owners);
            }
            sql.append(" LEFT JOIN crm_synchronisations s ON s.crm_name = ").param(CRM)
                    .append(" AND s.resource_type = ").param(RESOURCE_TYPE);
            if (numeric) {
                sql.append(" AND s.resource_number = " + ownerId);
                if (windowed) {
                    sql.append(" AND ");
                    restrict(sql, "s.resource_number", owners);
                }
            } else {
                sql.append(" AND s.resource_id = " + dialect.resourceId(ownerId));
                if (windowed) {
                    sql.append(" AND s.resource_id >= ").param(FROM_KEY).append(" AND s.resource_id <= ").param(TO_KEY);
                }
            }
            sql.append(" WHERE ");
            if (restrict(sql, ownerId, owners)) {
                sql.append(" AND ");
            }
            String scope = mapping.definition().getStaleScope();
            if (!scope.isBlank()) {
                sql.append("(" + scope.replace("{e}", "e") + ") AND ");
            }
            sql.append("(s.id IS NULL OR (s.error_count < ").param(MAX_SYNC_ERRORS)
                    .append(" AND (s.source_watermark IS NULL OR s.source_dependency_count IS NULL OR ")
                    .append(watermark() + " > s.source_watermark OR " + count() + " <> s.source_dependency_count)))");
            if (windowed && !numeric) {
                // integer ids are sorted by the finder: a sort here costs the database a tenth of the statement
                sql.append(" ORDER BY " + ownerId);
            }
            return sql.build();
        }

        private String watermark() {
            List<String> terms = new ArrayList<>();
            terms.add(dialect.epoch());
            String ownTime = updateTimeColumn(owner, mapping.definition().getUpdatedAtAttribute());
            terms.add("COALESCE(" + dialect.zoned("e." + ownTime) + ", " + dialect.epoch() + ")");
            for (Dependency dependency : dependencies) {
                if (dependency.watermark() != null) {
                    terms.add("COALESCE(" + dependency.watermark() + ", " + dialect.epoch() + ")");
                }
            }
            return "GREATEST(" + String.join(", ", terms) + ")";
        }

        private String count() {
            if (dependencies.isEmpty()) {
                return "0";
            }
            return "(" + String.join(" + ", dependencies.stream().map(Dependency::count).toList()) + ")";
        }

        private Dependency dependency(String path, String alias) {
            List<Step> steps = new ArrayList<>();
            EntityMappingType current = owner;
            String[] segments = path.split("\\.");
            List<String> nonNullElement = null;
            for (int i = 0; i < segments.length; i++) {
                String where = "dependency '" + path + "'";
                AttributeMapping attribute = current.findAttributeMapping(segments[i]);
                if (attribute == null) {
                    throw unsupported(where + ": " + current.getEntityName() + " has no attribute '" + segments[i] + "'");
                }
                if (attribute instanceof ToOneAttributeMapping toOne) {
                    if (toOne.hasJoinTable()) {
                        throw unsupported(where + ": " + attribute.getAttributeName() + " is a to-one association through"
                                + " a join table; map it with a join column");
                    }
                    EntityMappingType target = toOne.getAssociatedEntityMappingType();
                    ForeignKeyDescriptor fk = toOne.getForeignKeyDescriptor();
                    boolean keyHere = toOne.getSideNature() == ForeignKeyDescriptor.Nature.KEY;
                    steps.add(new Step(relation(target, Set.of()),
                            keyHere ? pairs(fk.getKeyPart(), fk.getTargetPart()) : pairs(fk.getTargetPart(), fk.getKeyPart()),
                            !keyHere));
                    current = target;
                } else if (attribute instanceof PluralAttributeMapping plural) {
                    if (plural.hasWhereRestrictions() || plural.getSoftDeleteMapping() != null) {
                        throw unsupported(where + ": " + attribute.getAttributeName()
                                + " has a @SQLRestriction or @SoftDelete, which the stale finder does not apply");
                    }
                    ForeignKeyDescriptor key = plural.getKeyDescriptor();
                    List<String[]> toCollection = pairs(key.getTargetPart(), key.getKeyPart());
                    CollectionPart element = plural.getElementDescriptor();
                    String collectionTable = plural.getSeparateCollectionTable();
                    if (collectionTable == null && element instanceof EntityCollectionPart child) {
                        current = child.getAssociatedEntityMappingType();
                        steps.add(new Step(relation(current, Set.of()), toCollection, true));
                    } else if (element instanceof ManyToManyCollectionPart target) {
                        steps.add(new Step(new Relation(collectionTable), toCollection, true));
                        ForeignKeyDescriptor fk = target.getForeignKeyDescriptor();
                        boolean keyInCollection = fk.getKeyTable().equals(collectionTable);
                        current = target.getAssociatedEntityMappingType();
                        steps.add(new Step(relation(current, Set.of()), keyInCollection
                                ? pairs(fk.getKeyPart(), fk.getTargetPart())
                                : pairs(fk.getTargetPart(), fk.getKeyPart()), false));
                    } else if (collectionTable != null && !(element instanceof EntityCollectionPart)
                            && i == segments.length - 1) {
                        // an element collection: its rows are the values reached
                        steps.add(new Step(new Relation(collectionTable), toCollection, true));
                        nonNullElement = columns(element);
                        current = null;
                    } else {
                        throw unsupported(where + ": " + attribute.getAttributeName() + " is a collection the stale finder"
                                + " cannot follow");
                    }
                } else {
                    throw unsupported(where + ": " + attribute.getAttributeName() + " is not an association");
                }
            }
            String time = null;
            if (current != null) {
                if (current.hasWhereRestrictions() || current.getSoftDeleteMapping() != null) {
                    throw unsupported("dependency '" + path + "': " + current.getEntityName()
                            + " has a @SQLRestriction or @SoftDelete, which the stale finder does not apply");
                }
                String attribute = registry.updateTimeAttribute(current.getJavaType().getJavaTypeClass());
                time = attribute == null ? null : updateTimeColumn(current, attribute);
            }
            boolean toOneChain = steps.stream().noneMatch(Step::multiplies);
            return toOneChain ? new JoinedDependency(alias, steps, time) : new AggregatedDependency(alias, steps, time,
                    nonNullElement);
        }

        private String updateTimeColumn(EntityMappingType type, String attribute) {
            AttributeMapping mapped = type.findAttributeMapping(attribute);
            List<String> columns = mapped == null ? List.of() : columns(mapped);
            if (columns.size() != 1) {
                throw unsupported(type.getEntityName() + "." + attribute + " is not a single timestamp column");
            }
            return columns.get(0);
        }

        private UnsupportedMappingException unsupported(String why) {
            return new UnsupportedMappingException("The stale finder of " + mapping + " cannot be built: " + why);
        }

        /** Where a step joins the step before it ({@code e} for the first), and where it leads. */
        private record Step(Relation relation, List<String[]> on, boolean multiplies) {

            String condition(String previous, String alias) {
                return String.join(" AND ", on.stream().map(pair -> alias + "." + pair[1] + " = " + previous + "." + pair[0])
                        .toList());
            }
        }

        private abstract static class Dependency {

            abstract void join(StaleQuery.Builder sql, Owners owners);

            /** The newest update time reached, or {@code null} when what is reached has none. */
            abstract String watermark();

            abstract String count();
        }

        /** A chain of foreign keys held by the record: joined directly, at most one row. */
        private final class JoinedDependency extends Dependency {

            private final String alias;
            private final List<Step> steps;
            private final String time;

            JoinedDependency(String alias, List<Step> steps, String time) {
                this.alias = alias;
                this.steps = steps;
                this.time = time;
            }

            private String alias(int step) {
                return step == steps.size() - 1 ? alias : alias + "_" + (step + 1);
            }

            @Override
            void join(StaleQuery.Builder sql, Owners owners) {
                for (int i = 0; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    sql.append(" LEFT JOIN " + step.relation().from() + " " + alias(i) + " ON "
                            + step.condition(i == 0 ? "e" : alias(i - 1), alias(i)));
                }
            }

            @Override
            String watermark() {
                return time == null ? null : dialect.zoned(alias + "." + time);
            }

            @Override
            String count() {
                String reached = steps.get(steps.size() - 1).on().get(0)[1];
                return "CASE WHEN " + alias + "." + reached + " IS NULL THEN 0 ELSE 1 END";
            }
        }

        /** Any other path: aggregated per owner, over the owners of the window only. */
        private final class AggregatedDependency extends Dependency {

            private final String alias;
            private final List<Step> steps;
            private final String time;
            private final List<String> nonNullElement;

            AggregatedDependency(String alias, List<Step> steps, String time, List<String> nonNullElement) {
                this.alias = alias;
                this.steps = steps;
                this.time = time;
                this.nonNullElement = nonNullElement;
            }

            @Override
            void join(StaleQuery.Builder sql, Owners owners) {
                // starts from the first table when it holds the owner's id (one-to-many, join tables,
                // element collections), else from the owner itself
                Step first = steps.get(0);
                boolean fromFirst = first.on().size() == 1 && first.on().get(0)[0].equals(id);
                StringBuilder from = new StringBuilder();
                String ownerKey;
                int joined = 0;
                if (fromFirst) {
                    ownerKey = "x1." + first.on().get(0)[1];
                    from.append(first.relation().from()).append(" x1");
                    joined = 1;
                } else {
                    ownerKey = "o." + id;
                    from.append(ownerRelation.from()).append(" o");
                }
                for (int i = joined; i < steps.size(); i++) {
                    String previous = i == 0 ? "o" : "x" + i;
                    from.append(" JOIN ").append(steps.get(i).relation().from()).append(" x").append(i + 1).append(" ON ")
                            .append(steps.get(i).condition(previous, "x" + (i + 1)));
                }
                String last = "x" + steps.size();
                sql.append(" LEFT JOIN (SELECT " + ownerKey + " AS owner_id, "
                        + (time == null ? "" : dialect.zoned("MAX(" + last + "." + time + ")") + " AS watermark, ")
                        + "COUNT(*) AS reached FROM " + from);
                List<String> filters = new ArrayList<>();
                if (nonNullElement != null) {
                    filters.add("(" + String.join(" OR ", nonNullElement.stream().map(c -> last + "." + c + " IS NOT NULL")
                            .toList()) + ")");
                }
                if (owners != Owners.ALL || !filters.isEmpty()) {
                    sql.append(" WHERE ");
                    boolean ranged = restrict(sql, ownerKey, owners);
                    if (!filters.isEmpty()) {
                        sql.append((ranged ? " AND " : "") + String.join(" AND ", filters));
                    }
                }
                sql.append(" GROUP BY " + ownerKey + ") " + alias + " ON " + alias + ".owner_id = e." + id);
            }

            @Override
            String watermark() {
                return time == null ? null : alias + ".watermark";
            }

            @Override
            String count() {
                return "COALESCE(" + alias + ".reached, 0)";
            }
        }
    }

    /** The owners a statement reads. */
    private enum Owners {
        ALL,
        /** ids from FIRST to LAST */
        WINDOW,
        /** the ids of IDS */
        LISTED
    }

    /** Appends the condition on {@code key} restricting rows to the owners read; tells whether it appended any. */
    private static boolean restrict(StaleQuery.Builder sql, String key, Owners owners) {
        switch (owners) {
            case WINDOW -> sql.append(key + " >= ").param(FIRST).append(" AND " + key + " <= ").param(LAST);
            case LISTED -> sql.append(key + " IN (").param(IDS).append(")");
            case ALL -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The rows of an entity type (its subtypes' rows included, {@code excluded} subtypes' rows not),
     * with the columns of every table it is mapped to, readable through one alias.
     */
    private Relation relation(EntityMappingType type, Set<EntityMappingType> excluded) {
        String table = type.getMappedTableDetails().getTableName();
        if (type.getEntityPersister() instanceof UnionSubclassEntityPersister) {
            if (concreteSubtypes(type) > 0) {
                throw new UnsupportedMappingException("The stale finder does not read TABLE_PER_CLASS hierarchies through "
                        + type.getEntityName() + ", which has subclasses: use SINGLE_TABLE or JOINED inheritance");
            }
            return new Relation(table);
        }
        if (type.getEntityPersister() instanceof JoinedSubclassEntityPersister) {
            return joinedRelation(type, excluded);
        }
        if (type.getSuperMappingType() == null && excluded.isEmpty()) {
            return new Relation(table);
        }
        List<String> values = new ArrayList<>();
        collectDiscriminatorValues(type, excluded, values);
        String column = type.getDiscriminatorMapping().getSelectionExpression();
        List<String> conditions = new ArrayList<>();
        List<String> literals = values.stream().filter(v -> !v.equalsIgnoreCase("null")).toList();
        if (!literals.isEmpty()) {
            conditions.add(column + " IN (" + String.join(", ", literals) + ")");
        }
        if (literals.size() < values.size()) {
            conditions.add(column + " IS NULL");
        }
        if (conditions.isEmpty()) {
            conditions.add("1 = 0");
        }
        return new Relation("(SELECT * FROM " + table + " WHERE " + String.join(" OR ", conditions) + ")");
    }

    private void collectDiscriminatorValues(EntityMappingType type, Set<EntityMappingType> excluded, List<String> values) {
        if (excluded.contains(type)) {
            return;
        }
        if (!type.isAbstract()) {
            String value = type.getDiscriminatorSQLValue();
            if (value == null || value.equalsIgnoreCase("not null")) {
                throw new UnsupportedMappingException("The stale finder cannot restrict rows to " + type.getEntityName()
                        + ": its discriminator value is " + value);
            }
            values.add(value);
        }
        for (EntityMappingType subtype : type.getSubMappingTypes()) {
            collectDiscriminatorValues(subtype, excluded, values);
        }
    }

    /** The tables from the root down to {@code type}, inner-joined on their keys, minus excluded subtypes' rows. */
    private Relation joinedRelation(EntityMappingType type, Set<EntityMappingType> excluded) {
        List<EntityMappingType> chain = new ArrayList<>();
        for (EntityMappingType t = type; t != null; t = t.getSuperMappingType()) {
            chain.add(0, t);
        }
        if (chain.size() == 1 && excluded.isEmpty()) {
            return new Relation(type.getMappedTableDetails().getTableName());
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        for (EntityMappingType t : chain) {
            aliases.putIfAbsent(t.getMappedTableDetails().getTableName(), "t" + aliases.size());
        }
        List<String> rootKey = keyColumns(chain.get(0));
        Set<String> exposed = new LinkedHashSet<>();
        List<String> select = new ArrayList<>();
        List<SelectableMapping> selectables = new ArrayList<>();
        type.getIdentifierMapping().forEachSelectable((i, selectable) -> selectables.add(selectable));
        type.forEachSelectable((i, selectable) -> selectables.add(selectable));
        for (SelectableMapping selectable : selectables) {
            String alias = aliases.get(selectable.getContainingTableExpression());
            if (alias != null && !selectable.isFormula() && exposed.add(selectable.getSelectionExpression())) {
                select.add(alias + "." + selectable.getSelectionExpression());
            }
        }
        for (String column : rootKey) {
            // rows of the subtype may be referred to through the root's key too
            if (exposed.add(column)) {
                select.add("t0." + column);
            }
        }
        StringBuilder from = new StringBuilder(chain.get(0).getMappedTableDetails().getTableName()).append(" t0");
        Set<String> joinedTables = new LinkedHashSet<>();
        joinedTables.add(chain.get(0).getMappedTableDetails().getTableName());
        for (EntityMappingType t : chain) {
            String table = t.getMappedTableDetails().getTableName();
            if (joinedTables.add(table)) {
                from.append(" JOIN ").append(table).append(' ').append(aliases.get(table)).append(" ON ")
                        .append(keyJoin(aliases.get(table), keyColumns(t), "t0", rootKey));
            }
        }
        List<String> conditions = new ArrayList<>();
        int n = 0;
        for (EntityMappingType subtype : excluded) {
            String alias = "x" + ++n;
            conditions.add("NOT EXISTS (SELECT 1 FROM " + subtype.getMappedTableDetails().getTableName() + " " + alias
                    + " WHERE " + keyJoin(alias, keyColumns(subtype), "t0", rootKey) + ")");
        }
        return new Relation("(SELECT " + String.join(", ", select) + " FROM " + from
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + ")");
    }

    private static String keyJoin(String alias, List<String> key, String rootAlias, List<String> rootKey) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            pairs.add(alias + "." + key.get(i) + " = " + rootAlias + "." + rootKey.get(i));
        }
        return String.join(" AND ", pairs);
    }

    private static List<String> keyColumns(EntityMappingType type) {
        List<String> columns = new ArrayList<>();
        type.getMappedTableDetails().getKeyDetails().forEachKeyColumn((i, column) -> columns.add(column.getColumnName()));
        return columns;
    }

    /**
     * Subtypes whose rows belong to another mapping for the same CRM: a mapping on a class applies to
     * its subclasses unless a nearer class is mapped (see {@link MappingRegistry#mappingsFor}).
     */
    private Set<EntityMappingType> excludedSubtypes(Mapping mapping, EntityMappingType type) {
        Set<EntityMappingType> excluded = new LinkedHashSet<>();
        for (EntityMappingType subtype : type.getSubMappingTypes()) {
            Class<?> javaType = subtype.getJavaType().getJavaTypeClass();
            if (registry.mappingFor(javaType, mapping.crm()).orElse(null) != mapping) {
                excluded.add(subtype);
            } else {
                excluded.addAll(excludedSubtypes(mapping, subtype));
            }
        }
        return excluded;
    }

    private static int concreteSubtypes(EntityMappingType type) {
        int count = 0;
        for (EntityMappingType subtype : type.getSubMappingTypes()) {
            count += (subtype.isAbstract() ? 0 : 1) + concreteSubtypes(subtype);
        }
        return count;
    }

    private static List<String[]> pairs(ModelPart near, ModelPart far) {
        List<String> nearColumns = columns(near);
        List<String> farColumns = columns(far);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < nearColumns.size(); i++) {
            pairs.add(new String[] { nearColumns.get(i), farColumns.get(i) });
        }
        return pairs;
    }

    private static List<String> columns(ModelPart part) {
        List<String> columns = new ArrayList<>();
        part.forEachSelectable((i, selectable) -> columns.add(selectable.getSelectionExpression()));
        return columns;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == long.class ? Long.class : type == int.class ? Integer.class : type == short.class ? Short.class
                : type;
    }

    /**
     * A {@code FROM} item.
     *
     * @param from a table name, or a parenthesized query
     */
    record Relation(String from) {
    }
}
