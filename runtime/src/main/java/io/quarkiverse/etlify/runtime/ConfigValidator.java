package io.quarkiverse.etlify.runtime;

import static io.quarkiverse.etlify.runtime.config.ConfigChecks.positive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmAdapterFactory;
import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkiverse.etlify.runtime.admin.AdminConfigCheck;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.queue.QueueWorkers;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.common.annotation.Identifier;

/**
 * The one check of Etlify's run-time configuration: collects every invalid setting, each part checked
 * by the class that uses it, and fails start-up once with all of them. Runs before the scheduler reads
 * the batch-sync cron and before anything is built from the settings.
 */
@Singleton
class ConfigValidator {

    private final EtlifyBuildTimeConfig buildConfig;
    private final EtlifyRuntimeConfig config;
    private final Instance<CrmAdapterFactory> factories;
    private final Instance<CrmAdapter> adapters;
    private final CrmDispatchers dispatchers;
    private final String cronType;
    private volatile boolean valid;

    @Inject
    ConfigValidator(EtlifyBuildTimeConfig buildConfig, EtlifyRuntimeConfig config,
            @Any Instance<CrmAdapterFactory> factories, @Any Instance<CrmAdapter> adapters, CrmDispatchers dispatchers,
            @ConfigProperty(name = "quarkus.scheduler.cron-type", defaultValue = "quartz") String cronType) {
        this.buildConfig = buildConfig;
        this.config = config;
        this.factories = factories;
        this.adapters = adapters;
        this.dispatchers = dispatchers;
        this.cronType = cronType;
    }

    // the scheduler parses the cron in its own start-up observer, at priority PLATFORM_BEFORE
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) {
        validate();
    }

    /** Fails with every problem of the configuration; returns at once when it was found valid before. */
    void validate() {
        if (valid) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (String name : config.crm().keySet()) {
            if (!buildConfig.crm().containsKey(name)) {
                problems.add("quarkus.etlify.crm." + name + ".* is set but CRM '" + name
                        + "' is not declared: declare it with quarkus.etlify.crm." + name + ".adapter=...");
            }
        }
        positive("quarkus.etlify.max-sync-errors", config.maxSyncErrors(), problems);
        checkBatchSync(config.batchSync(), problems);
        AdminConfigCheck.check(config, problems);
        for (String name : new TreeSet<>(buildConfig.crm().keySet())) {
            checkCrm(name, config.crm().get(name), problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid Etlify configuration:\n - " + String.join("\n - ", problems));
        }
        valid = true;
    }

    private void checkBatchSync(EtlifyRuntimeConfig.BatchSync batchSync, List<String> problems) {
        String prefix = "quarkus.etlify.batch-sync.";
        checkCron(prefix + "cron", batchSync.cron(), problems);
        positive(prefix + "batch-size", batchSync.batchSize(), problems);
        positive(prefix + "concurrency", batchSync.concurrency(), problems);
        positive(prefix + "finder-parallelism", batchSync.finderParallelism(), problems);
        positive(prefix + "lease", batchSync.lease(), problems);
        positive(prefix + "progress-interval", batchSync.progressInterval(), problems);
        positive(prefix + "run-retention", batchSync.runRetention(), problems);
    }

    private void checkCrm(String name, EtlifyRuntimeConfig.CrmRuntimeConfig crm, List<String> problems) {
        String prefix = "quarkus.etlify.crm." + name + ".";
        crm.maxSyncErrors().ifPresent(max -> positive(prefix + "max-sync-errors", max, problems));
        CrmGuards.check(name, crm, problems);
        QueueWorkers.check(name, crm.queue(), problems);
        dispatchers.check(name, problems);
        String kind = buildConfig.crm().get(name).adapter();
        CrmAdapterFactory factory = factory(kind);
        if (factory != null) {
            // a disabled CRM gets no adapter: environments that switch it off need none of its settings
            if (crm.enabled()) {
                factory.check(name, problems);
            }
        } else if (!adapters.select(Identifier.Literal.of(kind)).isResolvable()) {
            problems.add(prefix + "adapter=" + kind + " names no adapter: use one of " + knownKinds()
                    + " or the @Identifier of a CrmAdapter bean");
        }
    }

    // the same syntax the scheduler applies to the expression (quarkus.scheduler.cron-type)
    private void checkCron(String property, String cron, List<String> problems) {
        String value = cron.trim();
        if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("disabled")) {
            return;
        }
        CronType syntax = CronType.valueOf(cronType.toUpperCase(Locale.ROOT));
        try {
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(syntax)).parse(value).validate();
        } catch (IllegalArgumentException e) {
            problems.add(property + " must be off or a cron expression (" + cronType.toLowerCase(Locale.ROOT)
                    + " syntax, e.g. 0 0/15 * * * ?), got " + cron + ": " + e.getMessage());
        }
    }

    private CrmAdapterFactory factory(String kind) {
        for (CrmAdapterFactory factory : factories) {
            if (factory.kind().equals(kind)) {
                return factory;
            }
        }
        return null;
    }

    private String knownKinds() {
        TreeSet<String> kinds = new TreeSet<>();
        factories.forEach(factory -> kinds.add(factory.kind()));
        return String.join(", ", kinds);
    }
}
