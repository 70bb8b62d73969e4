package io.quarkiverse.etlify.crm;

import java.util.Collections;
import java.util.LinkedHashMap;
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
import io.smallrye.common.annotation.Identifier;

/**
 * The configured CRMs with their adapters, built once at start-up (after the configuration was
 * checked: the check observes the earliest start-up event). Every adapter is wrapped so that its calls go
 * through the CRM's rate limiter, retries and circuit breaker ({@link CrmGuards}).
 */
@ApplicationScoped
public class CrmRegistry {

    private final Map<String, CrmRuntime> crms;

    @Inject
    public CrmRegistry(EtlifyBuildTimeConfig buildConfig, EtlifyRuntimeConfig runtimeConfig,
            @Any Instance<CrmAdapterFactory> factories, @Any Instance<CrmAdapter> adapters, CrmGuards guards) {
        Map<String, CrmRuntime> built = new LinkedHashMap<>();
        for (String name : new TreeSet<>(buildConfig.crm().keySet())) {
            EtlifyRuntimeConfig.CrmRuntimeConfig crmConfig = runtimeConfig.crm().get(name);
            int maxSyncErrors = crmConfig.maxSyncErrors().orElse(runtimeConfig.maxSyncErrors());
            CrmAdapter adapter = adapter(name, buildConfig.crm().get(name).adapter(), factories, adapters);
            built.put(name, new CrmRuntime(name, crmConfig.enabled(), guards.protect(name, adapter), maxSyncErrors,
                    crmConfig.queue().lease()));
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

    private static CrmAdapter adapter(String crmName, String kind, Instance<CrmAdapterFactory> factories,
            Instance<CrmAdapter> adapters) {
        for (CrmAdapterFactory factory : factories) {
            if (factory.kind().equals(kind)) {
                return factory.create(crmName);
            }
        }
        return adapters.select(Identifier.Literal.of(kind)).get();
    }
}
