package io.quarkiverse.etlify.runtime;

import static io.quarkiverse.etlify.config.ConfigChecks.positive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmAdapterFactory;
import io.quarkiverse.etlify.adapter.throttle.CrmGuards;
import io.quarkiverse.etlify.config.EtlifyBuildTimeConfig;
import io.quarkiverse.etlify.config.EtlifyRuntimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.common.annotation.Identifier;

/**
 * The configured CRMs with their adapters, built once at start-up. A configuration error fails
 * start-up with a message naming the property. Every adapter is wrapped so that its calls go
 * through the CRM's rate limiter, retries and circuit breaker ({@link CrmGuards}).
 */
@ApplicationScoped
public class CrmRegistry {

    private final Map<String, CrmRuntime> crms;

    @Inject
    public CrmRegistry(EtlifyBuildTimeConfig buildConfig, EtlifyRuntimeConfig runtimeConfig,
            @Any Instance<CrmAdapterFactory> factories, @Any Instance<CrmAdapter> adapters, CrmGuards guards) {
        List<String> problems = new ArrayList<>();
        for (String name : runtimeConfig.crm().keySet()) {
            if (!buildConfig.crm().containsKey(name)) {
                problems.add("quarkus.etlify.crm." + name + ".* is set but CRM '" + name
                        + "' is not declared: declare it with quarkus.etlify.crm." + name + ".adapter=...");
            }
        }
        Map<String, CrmRuntime> built = new LinkedHashMap<>();
        for (String name : new TreeSet<>(buildConfig.crm().keySet())) {
            EtlifyRuntimeConfig.CrmRuntimeConfig crmConfig = runtimeConfig.crm().get(name);
            int problemsBefore = problems.size();
            checkRateLimit(name, crmConfig.rateLimit(), problems);
            CrmGuards.check(name, crmConfig, problems);
            int maxSyncErrors = crmConfig.maxSyncErrors().orElse(runtimeConfig.maxSyncErrors());
            positive("quarkus.etlify.crm." + name + ".max-sync-errors", maxSyncErrors, problems);
            String kind = buildConfig.crm().get(name).adapter();
            if (!exists(kind, factories, adapters)) {
                problems.add("quarkus.etlify.crm." + name + ".adapter=" + kind + " names no adapter: use one of "
                        + knownKinds(factories) + " or the @Identifier of a CrmAdapter bean");
                continue;
            }
            if (problems.size() > problemsBefore) {
                // no adapter, guard or rate limiter built from invalid settings
                continue;
            }
            CrmAdapter adapter;
            try {
                adapter = adapter(name, kind, factories, adapters);
            } catch (ConfigurationException e) {
                // a factory reports the settings of its own kind (e.g. HubSpot's token and id properties)
                problems.add(e.getMessage());
                continue;
            }
            built.put(name, new CrmRuntime(name, crmConfig.enabled(), guards.protect(name, adapter), maxSyncErrors,
                    crmConfig.queue().lease()));
        }
        positive("quarkus.etlify.max-sync-errors", runtimeConfig.maxSyncErrors(), problems);
        positive("quarkus.etlify.batch-sync.batch-size", runtimeConfig.batchSync().batchSize(), problems);
        positive("quarkus.etlify.batch-sync.concurrency", runtimeConfig.batchSync().concurrency(), problems);
        positive("quarkus.etlify.batch-sync.finder-parallelism", runtimeConfig.batchSync().finderParallelism(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid Etlify configuration:\n - " + String.join("\n - ", problems));
        }
        this.crms = Collections.unmodifiableMap(built);
    }

    /** The CRM of that name, if configured. */
    public Optional<CrmRuntime> find(String name) {
        return Optional.ofNullable(crms.get(name));
    }

    public Set<String> names() {
        return crms.keySet();
    }

    private static void checkRateLimit(String name, EtlifyRuntimeConfig.RateLimit rateLimit, List<String> problems) {
        String prefix = "quarkus.etlify.crm." + name + ".rate-limit.";
        rateLimit.maxRequests().ifPresent(max -> positive(prefix + "max-requests", max, problems));
        positive(prefix + "period", rateLimit.period(), problems);
    }

    private static boolean exists(String kind, Instance<CrmAdapterFactory> factories, Instance<CrmAdapter> adapters) {
        for (CrmAdapterFactory factory : factories) {
            if (factory.kind().equals(kind)) {
                return true;
            }
        }
        return adapters.select(Identifier.Literal.of(kind)).isResolvable();
    }

    private static CrmAdapter adapter(String crmName, String kind, Instance<CrmAdapterFactory> factories,
            Instance<CrmAdapter> adapters) {
        for (CrmAdapterFactory factory : factories) {
            if (factory.kind().equals(kind)) {
                return factory.create(crmName);
            }
        }
        return adapters.select(Identifier.Literal.of(kind)).get();
    }

    private static String knownKinds(Instance<CrmAdapterFactory> factories) {
        TreeSet<String> kinds = new TreeSet<>();
        factories.forEach(factory -> kinds.add(factory.kind()));
        return String.join(", ", kinds);
    }
}
