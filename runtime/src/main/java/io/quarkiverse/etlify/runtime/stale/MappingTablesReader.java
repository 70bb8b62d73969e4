package io.quarkiverse.etlify.runtime.stale;

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
import io.quarkiverse.etlify.runtime.stale.MappingTables.Column;
import io.quarkiverse.etlify.runtime.stale.MappingTables.ColumnPair;
import io.quarkiverse.etlify.runtime.stale.MappingTables.DiscriminatedRows;
import io.quarkiverse.etlify.runtime.stale.MappingTables.JoinedRows;
import io.quarkiverse.etlify.runtime.stale.MappingTables.KeyedTable;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Path;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Relation;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Step;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Table;

/**
 * Reads one mapping's {@link MappingTables} from Hibernate's mapping model: tables, join columns, join
 * tables, collection tables, discriminators, subclass tables. What the stale statements cannot read
 * throws an {@link UnsupportedMappingException} naming the entity and the dependency path; the finder
 * reads every mapping at start-up, so such a mapping stops the application there.
 */
final class MappingTablesReader {

    private final MappingRegistry registry;
    private final Mapping mapping;

    MappingTablesReader(MappingRegistry registry, Mapping mapping) {
        this.registry = registry;
        this.mapping = mapping;
    }

    MappingTables read(EntityMappingType owner) {
        Relation records = relation(owner, excludedSubtypes(owner), null);
        List<String> idColumns = columns(owner.getIdentifierMapping());
        if (idColumns.size() != 1) {
            throw unsupported(null, "its id spans " + idColumns.size() + " columns: use a single-column id");
        }
        List<Path> dependencies = new ArrayList<>();
        for (String path : mapping.definition().getDependencies()) {
            dependencies.add(path(owner, path));
        }
        return new MappingTables(boxed(owner.getIdentifierMapping().getJavaType().getJavaTypeClass()), records,
                idColumns.get(0), updateTimeColumn(owner, mapping.definition().getUpdatedAtAttribute(), null),
                mapping.definition().getStaleScope(), dependencies);
    }

    private Path path(EntityMappingType owner, String path) {
        String where = "dependency '" + path + "'";
        List<Step> steps = new ArrayList<>();
        EntityMappingType current = owner;
        String[] segments = path.split("\\.");
        List<String> elementColumns = null;
        for (int i = 0; i < segments.length; i++) {
            AttributeMapping attribute = current.findAttributeMapping(segments[i]);
            if (attribute == null) {
                throw unsupported(where, current.getEntityName() + " has no attribute '" + segments[i] + "'");
            }
            String name = current.getEntityName() + "." + attribute.getAttributeName();
            if (attribute instanceof ToOneAttributeMapping toOne) {
                if (toOne.hasJoinTable()) {
                    throw unsupported(where, name + " is a to-one association through a join table, which the stale"
                            + " finder does not read: map it with a join column");
                }
                EntityMappingType target = toOne.getAssociatedEntityMappingType();
                ForeignKeyDescriptor fk = toOne.getForeignKeyDescriptor();
                boolean keyHere = toOne.getSideNature() == ForeignKeyDescriptor.Nature.KEY;
                steps.add(new Step(relation(target, Set.of(), where),
                        keyHere ? pairs(fk.getKeyPart(), fk.getTargetPart()) : pairs(fk.getTargetPart(), fk.getKeyPart()),
                        !keyHere));
                current = target;
            } else if (attribute instanceof PluralAttributeMapping plural) {
                if (plural.hasWhereRestrictions() || plural.getSoftDeleteMapping() != null) {
                    throw unsupported(where, name + " has a @SQLRestriction or @SoftDelete, which the stale finder"
                            + " does not apply: remove it or leave the path out of dependencies");
                }
                ForeignKeyDescriptor key = plural.getKeyDescriptor();
                List<ColumnPair> toCollection = pairs(key.getTargetPart(), key.getKeyPart());
                CollectionPart element = plural.getElementDescriptor();
                String collectionTable = plural.getSeparateCollectionTable();
                if (collectionTable == null && element instanceof EntityCollectionPart child) {
                    current = child.getAssociatedEntityMappingType();
                    steps.add(new Step(relation(current, Set.of(), where), toCollection, true));
                } else if (element instanceof ManyToManyCollectionPart target) {
                    steps.add(new Step(new Table(collectionTable), toCollection, true));
                    ForeignKeyDescriptor fk = target.getForeignKeyDescriptor();
                    boolean keyInCollection = fk.getKeyTable().equals(collectionTable);
                    current = target.getAssociatedEntityMappingType();
                    steps.add(new Step(relation(current, Set.of(), where), keyInCollection
                            ? pairs(fk.getKeyPart(), fk.getTargetPart())
                            : pairs(fk.getTargetPart(), fk.getKeyPart()), false));
                } else if (collectionTable != null && !(element instanceof EntityCollectionPart)
                        && i == segments.length - 1) {
                    // an element collection: its rows are the values reached
                    steps.add(new Step(new Table(collectionTable), toCollection, true));
                    elementColumns = columns(element);
                    current = null;
                } else {
                    throw unsupported(where, name + " is a collection the stale finder cannot follow");
                }
            } else {
                throw unsupported(where, name + " is not an association");
            }
        }
        String time = null;
        if (current != null) {
            if (current.hasWhereRestrictions() || current.getSoftDeleteMapping() != null) {
                throw unsupported(where, current.getEntityName() + " has a @SQLRestriction or @SoftDelete, which the"
                        + " stale finder does not apply: remove it or leave the path out of dependencies");
            }
            String attribute = registry.updateTimeAttribute(current.getJavaType().getJavaTypeClass());
            time = attribute == null ? null : updateTimeColumn(current, attribute, where);
        }
        return new Path(path, List.copyOf(steps), time, elementColumns);
    }

    private String updateTimeColumn(EntityMappingType type, String attribute, String where) {
        AttributeMapping mapped = type.findAttributeMapping(attribute);
        List<String> columns = mapped == null ? List.of() : columns(mapped);
        if (columns.size() != 1) {
            throw unsupported(where, type.getEntityName() + "." + attribute + " is not a single timestamp column");
        }
        return columns.get(0);
    }

    /** The rows of an entity type, its subtypes' rows included, {@code excluded} subtypes' rows not. */
    private Relation relation(EntityMappingType type, Set<EntityMappingType> excluded, String where) {
        String table = type.getMappedTableDetails().getTableName();
        if (type.getEntityPersister() instanceof UnionSubclassEntityPersister) {
            if (concreteSubtypes(type) > 0) {
                throw unsupported(where, "the stale finder does not read TABLE_PER_CLASS hierarchies through "
                        + type.getEntityName() + ", which has subclasses: use SINGLE_TABLE or JOINED inheritance");
            }
            return new Table(table);
        }
        if (type.getEntityPersister() instanceof JoinedSubclassEntityPersister) {
            return joinedRows(type, excluded);
        }
        if (type.getSuperMappingType() == null && excluded.isEmpty()) {
            return new Table(table);
        }
        List<String> values = new ArrayList<>();
        collectDiscriminatorValues(type, excluded, values, where);
        List<String> literals = values.stream().filter(v -> !v.equalsIgnoreCase("null")).toList();
        return new DiscriminatedRows(table, type.getDiscriminatorMapping().getSelectionExpression(), literals,
                literals.size() < values.size());
    }

    private void collectDiscriminatorValues(EntityMappingType type, Set<EntityMappingType> excluded, List<String> values,
            String where) {
        if (excluded.contains(type)) {
            return;
        }
        if (!type.isAbstract()) {
            String value = type.getDiscriminatorSQLValue();
            if (value == null || value.equalsIgnoreCase("not null")) {
                throw unsupported(where, "the stale finder cannot restrict rows to " + type.getEntityName()
                        + ": its discriminator value is " + value + "; give it a value of its own (@DiscriminatorValue)");
            }
            values.add(value);
        }
        for (EntityMappingType subtype : type.getSubMappingTypes()) {
            collectDiscriminatorValues(subtype, excluded, values, where);
        }
    }

    /** The tables from the root down to {@code type}, and the columns they expose, minus excluded subtypes' rows. */
    private Relation joinedRows(EntityMappingType type, Set<EntityMappingType> excluded) {
        List<EntityMappingType> chain = new ArrayList<>();
        for (EntityMappingType t = type; t != null; t = t.getSuperMappingType()) {
            chain.add(0, t);
        }
        if (chain.size() == 1 && excluded.isEmpty()) {
            return new Table(type.getMappedTableDetails().getTableName());
        }
        Map<String, Integer> indexes = new LinkedHashMap<>();
        List<KeyedTable> tables = new ArrayList<>();
        for (EntityMappingType t : chain) {
            String table = t.getMappedTableDetails().getTableName();
            if (indexes.putIfAbsent(table, tables.size()) == null) {
                tables.add(new KeyedTable(table, keyColumns(t)));
            }
        }
        Set<String> exposed = new LinkedHashSet<>();
        List<Column> columns = new ArrayList<>();
        List<SelectableMapping> selectables = new ArrayList<>();
        type.getIdentifierMapping().forEachSelectable((i, selectable) -> selectables.add(selectable));
        type.forEachSelectable((i, selectable) -> selectables.add(selectable));
        for (SelectableMapping selectable : selectables) {
            Integer index = indexes.get(selectable.getContainingTableExpression());
            if (index != null && !selectable.isFormula() && exposed.add(selectable.getSelectionExpression())) {
                columns.add(new Column(index, selectable.getSelectionExpression()));
            }
        }
        for (String column : tables.get(0).key()) {
            // rows of the subtype may be referred to through the root's key too
            if (exposed.add(column)) {
                columns.add(new Column(0, column));
            }
        }
        List<KeyedTable> left = excluded.stream()
                .map(subtype -> new KeyedTable(subtype.getMappedTableDetails().getTableName(), keyColumns(subtype))).toList();
        return new JoinedRows(List.copyOf(tables), List.copyOf(columns), left);
    }

    /**
     * Subtypes whose rows belong to another mapping for the same CRM: a mapping on a class applies to
     * its subclasses unless a nearer class is mapped (see {@link MappingRegistry#mappingsFor}).
     */
    private Set<EntityMappingType> excludedSubtypes(EntityMappingType type) {
        Set<EntityMappingType> excluded = new LinkedHashSet<>();
        for (EntityMappingType subtype : type.getSubMappingTypes()) {
            Class<?> javaType = subtype.getJavaType().getJavaTypeClass();
            if (registry.mappingFor(javaType, mapping.crm()).orElse(null) != mapping) {
                excluded.add(subtype);
            } else {
                excluded.addAll(excludedSubtypes(subtype));
            }
        }
        return excluded;
    }

    private UnsupportedMappingException unsupported(String where, String why) {
        return new UnsupportedMappingException(mapping + ": " + (where == null ? "" : where + ": ") + why);
    }

    private static int concreteSubtypes(EntityMappingType type) {
        int count = 0;
        for (EntityMappingType subtype : type.getSubMappingTypes()) {
            count += (subtype.isAbstract() ? 0 : 1) + concreteSubtypes(subtype);
        }
        return count;
    }

    private static List<String> keyColumns(EntityMappingType type) {
        List<String> columns = new ArrayList<>();
        type.getMappedTableDetails().getKeyDetails().forEachKeyColumn((i, column) -> columns.add(column.getColumnName()));
        return columns;
    }

    private static List<ColumnPair> pairs(ModelPart near, ModelPart far) {
        List<String> nearColumns = columns(near);
        List<String> farColumns = columns(far);
        List<ColumnPair> pairs = new ArrayList<>();
        for (int i = 0; i < nearColumns.size(); i++) {
            pairs.add(new ColumnPair(nearColumns.get(i), farColumns.get(i)));
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
}
