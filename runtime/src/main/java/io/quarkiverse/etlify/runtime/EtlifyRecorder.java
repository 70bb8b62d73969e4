package io.quarkiverse.etlify.runtime;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.etlify.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.mapping.EntityMapping;
import io.quarkiverse.etlify.mapping.MappingRegistry;
import io.quarkiverse.etlify.state.SchemaMigrator;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.runtime.annotations.Recorder;
import io.smallrye.config.SmallRyeConfig;

/** Hands build-time findings to the running application. */
@Recorder
public class EtlifyRecorder {

    /** The registry of the mappings found at build time. */
    public Supplier<MappingRegistry> mappingRegistry(List<EntityMapping> mappings, Map<String, String> updateTimeAttributes) {
        return () -> new MappingRegistry(mappings, updateTimeAttributes);
    }

    /** Migrates Etlify's tables, or checks them when told not to; runs before Hibernate validates the schema. */
    public void prepareSchema(String dataSourceName, String dbKind) {
        EtlifyRuntimeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(EtlifyRuntimeConfig.class);
        SchemaMigrator migrator = new SchemaMigrator(AgroalDataSourceUtil.dataSourceInstance(dataSourceName).get(),
                dataSourceName, dbKind);
        if (config.schema().migrateAtStart()) {
            migrator.migrate();
        } else {
            migrator.verify();
        }
    }
}
