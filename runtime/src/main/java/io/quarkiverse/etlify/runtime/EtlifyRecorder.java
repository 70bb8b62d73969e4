package io.quarkiverse.etlify.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.mapping.EntityMapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.state.SchemaMigrator;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.hibernate.orm.runtime.HibernateOrmRuntimeConfig;
import io.quarkus.hibernate.orm.runtime.HibernateOrmRuntimeConfigPersistenceUnit;
import io.quarkus.runtime.annotations.Recorder;
import io.smallrye.config.SmallRyeConfig;

/** Hands build-time findings to the running application. */
@Recorder
public class EtlifyRecorder {

    /** Hibernate schema-management strategies that drop the application's tables at start. */
    private static final Set<String> DROPPING_STRATEGIES = Set.of("drop-and-create", "drop");

    /** The registry of the mappings found at build time. */
    public Supplier<MappingRegistry> mappingRegistry(List<EntityMapping> mappings, Map<String, String> updateTimeAttributes) {
        return () -> new MappingRegistry(mappings, updateTimeAttributes);
    }

    /**
     * Migrates Etlify's tables, or checks them when told not to; runs before Hibernate manages the schema, which leaves
     * these tables alone ({@link io.quarkiverse.etlify.runtime.state.EtlifyTablesFilter}). When the persistence unit drops its
     * schema at start, the records' sync state is dropped with it: it describes rows that no longer exist.
     */
    public void prepareSchema(String dataSourceName, String dbKind, String persistenceUnit) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        SchemaMigrator migrator = new SchemaMigrator(AgroalDataSourceUtil.dataSourceInstance(dataSourceName).get(),
                dataSourceName, dbKind);
        if (config.getConfigMapping(EtlifyRuntimeConfig.class).schema().migrateAtStart()) {
            migrator.migrate();
        } else {
            migrator.verify();
        }
        HibernateOrmRuntimeConfigPersistenceUnit unit = config.getConfigMapping(HibernateOrmRuntimeConfig.class)
                .persistenceUnits().get(persistenceUnit);
        // the deprecated database.generation still wins when set, as in Hibernate ORM's extension
        String strategy = unit == null ? "none"
                : unit.database().generation().generation().orElse(unit.schemaManagement().strategy());
        if (DROPPING_STRATEGIES.contains(strategy)) {
            migrator.clearSyncState("persistence unit " + persistenceUnit + " has schema-management.strategy=" + strategy);
        }
    }
}
