package io.quarkiverse.etlify.runtime.stale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.JoinedSubclassEntityPersister;
import org.hibernate.persister.entity.UnionSubclassEntityPersister;

import io.quarkiverse.etlify.runtime.stale.MappingTables.Column;
import io.quarkiverse.etlify.runtime.stale.MappingTables.DiscriminatedRows;
import io.quarkiverse.etlify.runtime.stale.MappingTables.JoinedRows;
import io.quarkiverse.etlify.runtime.stale.MappingTables.KeyedTable;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Relation;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Table;

/**
 * Reads which rows of its hierarchy's tables are an entity type's, from Hibernate's persisters: its table
 * alone, its discriminator values (single table), or its tables from the root down (joined). A
 * TABLE_PER_CLASS hierarchy is read through its leaves only.
 */
final class EntityRowsReader {

    private EntityRowsReader() {
    }

    /**
     * The rows of an entity type, its subtypes' rows included, {@code excluded} subtypes' rows not.
     *
     * @throws UnsupportedMappingException when they cannot be told apart from the others; it says why
     */
    static Relation rows(EntityMappingType type, Set<EntityMappingType> excluded) {
        String table = type.getMappedTableDetails().getTableName();
        if (type.getEntityPersister() instanceof UnionSubclassEntityPersister) {
            if (concreteSubtypes(type) > 0) {
                throw unsupported("the stale finder does not read TABLE_PER_CLASS hierarchies through "
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
        collectDiscriminatorValues(type, excluded, values);
        List<String> literals = values.stream().filter(v -> !v.equalsIgnoreCase("null")).toList();
        return new DiscriminatedRows(table, type.getDiscriminatorMapping().getSelectionExpression(), literals,
                literals.size() < values.size());
    }

    private static void collectDiscriminatorValues(EntityMappingType type, Set<EntityMappingType> excluded,
            List<String> values) {
        if (excluded.contains(type)) {
            return;
        }
        if (!type.isAbstract()) {
            String value = type.getDiscriminatorSQLValue();
            if (value == null || value.equalsIgnoreCase("not null")) {
                throw unsupported("the stale finder cannot restrict rows to " + type.getEntityName()
                        + ": its discriminator value is " + value + "; give it a value of its own (@DiscriminatorValue)");
            }
            values.add(value);
        }
        for (EntityMappingType subtype : type.getSubMappingTypes()) {
            collectDiscriminatorValues(subtype, excluded, values);
        }
    }

    /** The tables from the root down to {@code type}, and the columns they expose, minus excluded subtypes' rows. */
    private static Relation joinedRows(EntityMappingType type, Set<EntityMappingType> excluded) {
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

    /** The tables holding an entity type's own columns: its own and its supertypes'. */
    static Set<String> tables(EntityMappingType type) {
        Set<String> tables = new LinkedHashSet<>();
        for (EntityMappingType t = type; t != null; t = t.getSuperMappingType()) {
            tables.add(t.getMappedTableDetails().getTableName());
        }
        return tables;
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

    private static UnsupportedMappingException unsupported(String why) {
        return new UnsupportedMappingException(List.of(why));
    }
}
