package io.quarkiverse.etlify.runtime.state;

import java.util.Locale;

import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

/**
 * Keeps Hibernate's schema management ({@code drop-and-create}, {@code update}...) away from Etlify's tables: they
 * come from Etlify's migrations, with indexes and a generated column the entities cannot describe. Hibernate still
 * validates them ({@code validate}). Named by {@code hibernate.hbm2ddl.schema_filter_provider}.
 */
public class EtlifyTablesFilter implements SchemaFilterProvider, SchemaFilter {

    @Override
    public boolean includeNamespace(Namespace namespace) {
        return true;
    }

    @Override
    public boolean includeTable(Table table) {
        return !EtlifyMigrations.REQUIRED_COLUMNS.containsKey(table.getName().toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean includeSequence(Sequence sequence) {
        return true;
    }

    @Override
    public SchemaFilter getCreateFilter() {
        return this;
    }

    @Override
    public SchemaFilter getDropFilter() {
        return this;
    }

    @Override
    public SchemaFilter getTruncatorFilter() {
        return this;
    }

    @Override
    public SchemaFilter getMigrateFilter() {
        return this;
    }

    @Override
    public SchemaFilter getValidateFilter() {
        return SchemaFilter.ALL;
    }
}
