package io.quarkiverse.etlify.runtime.stale;

import java.util.List;

/**
 * What the stale statements of one mapping read, as {@link MappingTablesReader} takes it from Hibernate's
 * mapping model: the rows of its records, and each dependency path as a chain of joins. Tables and
 * columns only; {@link StaleSqlWriter} writes the SQL.
 *
 * @param idType Java type of the entity's id, boxed
 * @param records the rows of the mapping's records
 * @param idColumn the records' id column
 * @param updateTimeColumn the records' update-time column
 * @param staleScope the mapping's {@code staleScope}, {@code {e}} standing for the record; blank for none
 * @param dependencies the dependency paths, as declared
 */
record MappingTables(Class<?> idType, Relation records, String idColumn, String updateTimeColumn, String staleScope,
        List<Path> dependencies) {

    /** Rows read through one alias: of a table, or of an entity type within its hierarchy's tables. */
    sealed interface Relation permits Table, DiscriminatedRows, JoinedRows {
    }

    /** Every row of a table: an entity's, a join table's, a collection table's. */
    record Table(String name) implements Relation {
    }

    /**
     * The rows of a single-table hierarchy whose discriminator is one of {@code values} (SQL literals, as
     * Hibernate writes them) or, when {@code nullValue}, {@code NULL}.
     */
    record DiscriminatedRows(String table, String column, List<String> values, boolean nullValue) implements Relation {
    }

    /**
     * The rows of a joined hierarchy's entity type: its tables from the root down, joined on their keys,
     * minus the rows having a row in an excluded subtype's table.
     *
     * @param tables the root's table first
     * @param columns the columns the rows expose, each from one of {@code tables}
     * @param excluded the tables of the subtypes whose rows are left out
     */
    record JoinedRows(List<KeyedTable> tables, List<Column> columns, List<KeyedTable> excluded) implements Relation {
    }

    /** A table of a joined hierarchy, its key columns matching the root's key columns one for one. */
    record KeyedTable(String name, List<String> key) {
    }

    /** A column of {@link JoinedRows}: {@code table} is its table's index in {@link JoinedRows#tables()}. */
    record Column(int table, String name) {
    }

    /**
     * A dependency path.
     *
     * @param steps the relations joined one after the other, from the record
     * @param updateTimeColumn the update-time column of the last relation, {@code null} when what the path
     *        reaches has none
     * @param elementColumns for a path ending in an element collection, the element's columns (a value is
     *        reached when one of them is not {@code NULL}); {@code null} otherwise
     */
    record Path(String path, List<Step> steps, String updateTimeColumn, List<String> elementColumns) {

        /** Whether the path reaches one row at most: foreign keys held by the record and the rows it leads to. */
        boolean toOne() {
            return steps.stream().noneMatch(Step::multiplies);
        }
    }

    /**
     * One join of a path: {@code relation} joined to the step before it (the record, for the first step).
     *
     * @param multiplies whether a row of the step before may match several rows of {@code relation}
     * @param entity the entity class whose rows {@code relation} holds; {@code null} for a join table or a
     *        collection table
     * @param idColumn the id column of {@code entity}; {@code null} without entity or for a multi-column id
     * @param collectionRole the Hibernate role of the collection this step follows (a one-to-many, a join table, an
     *        element collection), whose owner is the step before; {@code null} for a to-one and for the far side of
     *        a join table
     * @param parentAttribute the to-one attribute of {@code entity} holding the link to the step before, when that
     *        link is a foreign key of this step's table to the step before's id; {@code null} otherwise
     */
    record Step(Relation relation, List<ColumnPair> on, boolean multiplies, Class<?> entity, String idColumn,
            String collectionRole, String parentAttribute) {
    }

    /** A join condition: {@code near}, a column of the step before, equals {@code far}, a column of this step. */
    record ColumnPair(String near, String far) {
    }
}
