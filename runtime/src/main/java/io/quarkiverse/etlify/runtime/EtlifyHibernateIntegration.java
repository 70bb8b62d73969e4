package io.quarkiverse.etlify.runtime;

import java.util.function.BiConsumer;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cfg.SchemaToolingSettings;

import io.quarkiverse.etlify.runtime.state.EtlifyTablesFilter;
import io.quarkus.hibernate.orm.runtime.integration.HibernateOrmIntegrationStaticInitListener;

/** Hands Etlify's persistence unit the schema filter that leaves Etlify's tables to Etlify's migrations. */
public class EtlifyHibernateIntegration implements HibernateOrmIntegrationStaticInitListener {

    @Override
    public void contributeBootProperties(BiConsumer<String, Object> properties) {
        properties.accept(SchemaToolingSettings.HBM2DDL_FILTER_PROVIDER, EtlifyTablesFilter.class.getName());
    }

    @Override
    public void onMetadataInitialized(Metadata metadata, BootstrapContext bootstrapContext,
            BiConsumer<String, Object> properties) {
    }
}
