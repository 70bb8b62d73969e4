package io.quarkiverse.etlify.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import io.quarkiverse.etlify.OnDelete;
import io.quarkiverse.etlify.runtime.EtlifyBeans;
import io.quarkiverse.etlify.runtime.EtlifyHibernateIntegration;
import io.quarkiverse.etlify.runtime.EtlifyRecorder;
import io.quarkiverse.etlify.runtime.airtable.AirtableBeans;
import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkiverse.etlify.runtime.hubspot.HubSpotBeans;
import io.quarkiverse.etlify.runtime.mapping.EntityMapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.onchange.OnChangeBeans;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.EtlifyMigrations;
import io.quarkiverse.etlify.runtime.state.EtlifyTablesFilter;
import io.quarkiverse.etlify.runtime.state.PendingSync;
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
import io.quarkus.hibernate.orm.deployment.integration.HibernateOrmIntegrationStaticConfiguredBuildItem;
import io.quarkus.hibernate.orm.deployment.spi.AdditionalJpaModelBuildItem;
import io.quarkus.runtime.configuration.ConfigurationException;

/** Build steps of Etlify: mappings, beans, sync-state entities and schema. */
class EtlifyProcessor {

    static final String FEATURE = "etlify";
    private static final String DEFAULT_DATASOURCE = "<default>";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem engineBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(EtlifyBeans.classNames())
                .setUnremovable()
                .build();
    }

    /** HubSpot's REST client interface lives in the runtime jar, which is not indexed by itself. */
    @BuildStep
    void hubspotClient(BuildProducer<AdditionalIndexedClassesBuildItem> indexed,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        indexed.produce(new AdditionalIndexedClassesBuildItem(HubSpotBeans.CLIENT_INTERFACE));
        // request and answer bodies are (de)serialized by Jackson
        reflection.produce(ReflectiveClassBuildItem.builder(HubSpotBeans.JSON_TYPES).constructors().methods()
                .fields().build());
    }

    /** Airtable's REST client interface lives in the runtime jar too. */
    @BuildStep
    void airtableClient(BuildProducer<AdditionalIndexedClassesBuildItem> indexed,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        indexed.produce(new AdditionalIndexedClassesBuildItem(AirtableBeans.CLIENT_INTERFACE));
        reflection.produce(ReflectiveClassBuildItem.builder(AirtableBeans.JSON_TYPES).constructors().methods()
                .fields().build());
    }

    /** Hibernate ORM instantiates the integrator adding the change listener by its name (META-INF/services). */
    @BuildStep
    ReflectiveClassBuildItem changeListenerIntegrator() {
        return ReflectiveClassBuildItem.builder(OnChangeBeans.INTEGRATOR).constructors().build();
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

    /** Reports a wrong persistence-unit with the mapping problems, so that one failed build names all of them. */
    @BuildStep
    void checkPersistenceUnit(EtlifyBuildTimeConfig config, List<PersistenceUnitDescriptorBuildItem> persistenceUnits,
            List<JdbcDataSourceBuildItem> dataSources, BuildProducer<ValidationErrorBuildItem> errors) {
        List<String> problems = new ArrayList<>();
        stateDataSource(config, persistenceUnits, dataSources, problems);
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems.stream()
                    .map(problem -> (Throwable) new ConfigurationException("Etlify: " + problem)).toList()));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    // after the application's own Flyway/Liquibase, which would refuse a schema holding our tables but no history of theirs
    @Consume(InitTaskCompletedBuildItem.class)
    JdbcDataSourceSchemaReadyBuildItem prepareSchema(EtlifyRecorder recorder, EtlifyBuildTimeConfig config,
            List<PersistenceUnitDescriptorBuildItem> persistenceUnits, List<JdbcDataSourceBuildItem> dataSources) {
        StateDataSource dataSource = stateDataSource(config, persistenceUnits, dataSources, new ArrayList<>());
        if (dataSource == null) {
            // reported by checkPersistenceUnit, which fails the build
            return null;
        }
        recorder.prepareSchema(dataSource.name(), dataSource.dbKind(), config.persistenceUnit());
        return new JdbcDataSourceSchemaReadyBuildItem(List.of(dataSource.name()));
    }

    /**
     * Sync on change writes its requests in the transaction that changes an entity: an entity watched for changes
     * ({@code syncOnChange}, {@code onDelete = DELETE}) must live on the datasource of Etlify's state, or every write of
     * it would need a transaction spanning two datasources.
     */
    @BuildStep
    void checkWatchedEntitiesShareTheStateDataSource(EtlifyBuildTimeConfig config, EtlifyMappingsBuildItem mappings,
            List<PersistenceUnitDescriptorBuildItem> persistenceUnits, List<JdbcDataSourceBuildItem> dataSources,
            BuildProducer<ValidationErrorBuildItem> errors) {
        StateDataSource state = stateDataSource(config, persistenceUnits, dataSources, new ArrayList<>());
        if (state == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (EntityMapping mapping : mappings.mappings()) {
            if (!mapping.isSyncOnChange() && mapping.getOnDelete() != OnDelete.DELETE) {
                continue;
            }
            persistenceUnits.stream()
                    .filter(unit -> unit.getManagedClassNames().contains(mapping.getEntityClass()))
                    .filter(unit -> !unit.getConfig().getDataSource().orElse(DEFAULT_DATASOURCE).equals(state.name()))
                    .forEach(unit -> problems.add("@Etlified(crm = \"" + mapping.getCrm() + "\", "
                            + (mapping.isSyncOnChange() ? "syncOnChange = true" : "onDelete = DELETE") + ") on "
                            + mapping.getEntityClass() + ": the entity belongs to persistence unit "
                            + unit.getPersistenceUnitName() + " (datasource "
                            + unit.getConfig().getDataSource().orElse(DEFAULT_DATASOURCE) + "), Etlify's state to "
                            + config.persistenceUnit() + " (datasource " + state.name() + "); the requests are written"
                            + " in the transaction that changes the entity, which cannot span two datasources: keep"
                            + " both on one datasource (quarkus.etlify.persistence-unit) or leave syncOnChange and"
                            + " onDelete out of this mapping"));
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems.stream()
                    .map(problem -> (Throwable) new ConfigurationException("Etlify: " + problem)).toList()));
        }
    }

    /** The datasource holding Etlify's state, or null after adding why quarkus.etlify.persistence-unit is wrong. */
    private static StateDataSource stateDataSource(EtlifyBuildTimeConfig config,
            List<PersistenceUnitDescriptorBuildItem> persistenceUnits, List<JdbcDataSourceBuildItem> dataSources,
            List<String> problems) {
        Optional<PersistenceUnitDescriptorBuildItem> unit = persistenceUnits.stream()
                .filter(pu -> pu.getPersistenceUnitName().equals(config.persistenceUnit()))
                .findFirst();
        if (unit.isEmpty()) {
            problems.add("quarkus.etlify.persistence-unit=" + config.persistenceUnit()
                    + " names no persistence unit of this application");
            return null;
        }
        String dataSourceName = unit.get().getConfig().getDataSource().orElse(DEFAULT_DATASOURCE);
        Optional<String> dbKind = dataSources.stream().filter(ds -> ds.getName().equals(dataSourceName))
                .map(JdbcDataSourceBuildItem::getDbKind).findFirst();
        if (dbKind.isEmpty() || !EtlifyMigrations.SUPPORTED_DB_KINDS.contains(dbKind.get())) {
            problems.add("Etlify stores its state in PostgreSQL or H2, but datasource " + dataSourceName
                    + " of persistence unit " + config.persistenceUnit() + " is "
                    + dbKind.orElse("not a JDBC datasource") + " (see quarkus.etlify.persistence-unit)");
            return null;
        }
        return new StateDataSource(dataSourceName, dbKind.get());
    }

    private record StateDataSource(String name, String dbKind) {
    }

    @BuildStep
    HibernateOrmIntegrationStaticConfiguredBuildItem leaveEtlifyTablesToEtlifyMigrations(EtlifyBuildTimeConfig config,
            BuildProducer<ReflectiveClassBuildItem> reflection) {
        // Hibernate instantiates the filter from its name
        reflection.produce(ReflectiveClassBuildItem.builder(EtlifyTablesFilter.class).constructors().build());
        return new HibernateOrmIntegrationStaticConfiguredBuildItem("etlify", config.persistenceUnit())
                .setInitListener(new EtlifyHibernateIntegration());
    }

    @BuildStep
    NativeImageResourceBuildItem migrationScripts() {
        return new NativeImageResourceBuildItem(EtlifyMigrations.SUPPORTED_DB_KINDS.stream()
                .flatMap(kind -> EtlifyMigrations.paths(kind).stream()).toList());
    }
}
