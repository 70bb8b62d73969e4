package io.quarkiverse.etlify.deployment;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import io.quarkiverse.etlify.adapter.NullCrmAdapterFactory;
import io.quarkiverse.etlify.config.EtlifyBuildTimeConfig;
import io.quarkiverse.etlify.mapping.EntityMapping;
import io.quarkiverse.etlify.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.CrmRegistry;
import io.quarkiverse.etlify.runtime.DefaultEtlify;
import io.quarkiverse.etlify.runtime.EtlifyRecorder;
import io.quarkiverse.etlify.runtime.StartupChecks;
import io.quarkiverse.etlify.stale.StaleRecordFinder;
import io.quarkiverse.etlify.state.CrmSynchronisation;
import io.quarkiverse.etlify.state.EtlifyMigrations;
import io.quarkiverse.etlify.state.PendingSync;
import io.quarkiverse.etlify.state.SyncStateStore;
import io.quarkiverse.etlify.sync.AfterCommitDispatcher;
import io.quarkiverse.etlify.sync.Deleter;
import io.quarkiverse.etlify.sync.SecretRedactor;
import io.quarkiverse.etlify.sync.Sha256JsonDigest;
import io.quarkiverse.etlify.sync.Synchronizer;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.agroal.spi.JdbcDataSourceSchemaReadyBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.InitTaskCompletedBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.hibernate.orm.deployment.PersistenceUnitDescriptorBuildItem;
import io.quarkus.hibernate.orm.deployment.spi.AdditionalJpaModelBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/** Build steps of Etlify: mappings, beans, sync-state entities and schema. */
class EtlifyProcessor {

    private static final String FEATURE = "etlify";
    private static final String DEFAULT_DATASOURCE = "<default>";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem engineBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(DefaultEtlify.class, CrmRegistry.class, StartupChecks.class, Synchronizer.class,
                        Deleter.class, SyncStateStore.class, Sha256JsonDigest.class, AfterCommitDispatcher.class,
                        SecretRedactor.class, NullCrmAdapterFactory.class, StaleRecordFinder.class)
                .setUnremovable()
                .build();
    }

    @BuildStep
    void stateEntities(BuildProducer<AdditionalIndexedClassesBuildItem> indexed,
            BuildProducer<AdditionalJpaModelBuildItem> jpaModel) {
        indexed.produce(new AdditionalIndexedClassesBuildItem(CrmSynchronisation.class.getName(),
                PendingSync.class.getName()));
        jpaModel.produce(new AdditionalJpaModelBuildItem(CrmSynchronisation.class.getName()));
        jpaModel.produce(new AdditionalJpaModelBuildItem(PendingSync.class.getName()));
    }

    @BuildStep
    EtlifyMappingsBuildItem scanMappings(CombinedIndexBuildItem index, EtlifyBuildTimeConfig config,
            BuildProducer<ValidationErrorBuildItem> errors, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        MappingScanner scanner = new MappingScanner(index.getIndex(), config.crm().keySet()).scan();
        if (!scanner.problems().isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(scanner.problems().stream()
                    .map(problem -> (Throwable) new ConfigurationException("Etlify: " + problem)).toList()));
        }
        List<EntityMapping> mappings = scanner.mappings();
        // serializers, guards and dispatchers are looked up programmatically: keep them as beans
        String[] userBeans = mappings.stream()
                .flatMap(m -> Stream.of(m.getSerializerClass(), m.getGuardClass(), m.getDispatcherClass()))
                .filter(name -> !name.isEmpty()).distinct().sorted().toArray(String[]::new);
        if (userBeans.length > 0) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(userBeans).setUnremovable()
                    .setDefaultScope(io.quarkus.arc.processor.DotNames.SINGLETON).build());
        }
        String[] entities = scanner.updateTimeAttributes().keySet().toArray(String[]::new);
        if (entities.length > 0) {
            reflection.produce(ReflectiveClassBuildItem.builder(entities).fields().methods().build());
        }
        return new EtlifyMappingsBuildItem(mappings, scanner.updateTimeAttributes());
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem mappingRegistry(EtlifyRecorder recorder, EtlifyMappingsBuildItem mappings) {
        return SyntheticBeanBuildItem.configure(MappingRegistry.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.mappingRegistry(mappings.mappings(), mappings.updateTimeAttributes()))
                .done();
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    // after the application's own Flyway/Liquibase, which would refuse a schema holding our tables but no history of theirs
    @Consume(InitTaskCompletedBuildItem.class)
    JdbcDataSourceSchemaReadyBuildItem prepareSchema(EtlifyRecorder recorder, EtlifyBuildTimeConfig config,
            List<PersistenceUnitDescriptorBuildItem> persistenceUnits, List<JdbcDataSourceBuildItem> dataSources) {
        PersistenceUnitDescriptorBuildItem unit = persistenceUnits.stream()
                .filter(pu -> pu.getPersistenceUnitName().equals(config.persistenceUnit()))
                .findFirst()
                .orElseThrow(() -> new ConfigurationException("quarkus.etlify.persistence-unit=" + config.persistenceUnit()
                        + " names no persistence unit of this application"));
        String dataSourceName = unit.getConfig().getDataSource().orElse(DEFAULT_DATASOURCE);
        Optional<String> dbKind = dataSources.stream().filter(ds -> ds.getName().equals(dataSourceName))
                .map(JdbcDataSourceBuildItem::getDbKind).findFirst();
        if (dbKind.isEmpty() || !EtlifyMigrations.SUPPORTED_DB_KINDS.contains(dbKind.get())) {
            throw new ConfigurationException("Etlify stores its state in PostgreSQL or H2, but datasource "
                    + dataSourceName + " of persistence unit " + config.persistenceUnit() + " is "
                    + dbKind.orElse("not a JDBC datasource") + " (see quarkus.etlify.persistence-unit)");
        }
        recorder.prepareSchema(dataSourceName, dbKind.get());
        return new JdbcDataSourceSchemaReadyBuildItem(List.of(dataSourceName));
    }

    @BuildStep
    NativeImageResourceBuildItem migrationScripts() {
        return new NativeImageResourceBuildItem(EtlifyMigrations.SUPPORTED_DB_KINDS.stream()
                .flatMap(kind -> EtlifyMigrations.paths(kind).stream()).toList());
    }
}
