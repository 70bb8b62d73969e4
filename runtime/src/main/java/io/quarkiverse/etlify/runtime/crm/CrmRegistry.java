package io.quarkiverse.etlify.runtime.crm;

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
import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;
import io.smallrye.common.annotation.Identifier;

/**
 * The configured CRMs with their adapters, built once at start-up (after the configuration was
 * checked: the check observes the earliest start-up event). Every adapter is wrapped so that its calls go
 * through the CRM's rate limiter, retries and circuit breaker ({@link CrmGuards}).
 */
@ApplicationScoped
public class CrmRegistry {

    private final Map<String, CrmRuntime> crms;
    private final Set<String> disabled;

    @Inject
    public CrmRegistry(EtlifyBuildTimeConfig buildConfig, EtlifyRuntimeConfig runtimeConfig,
            @Any Instance<CrmAdapterFactory> factories, @Any Instance<CrmAdapter> adapters, CrmGuards guards) {
        Map<String, CrmRuntime> built = new LinkedHashMap<>();
        Set<String> off = new TreeSet<>();
        for (String name : new TreeSet<>(buildConfig.crm().keySet())) {
            EtlifyRuntimeConfig.CrmRuntimeConfig crmConfig = runtimeConfig.crm().get(name);
            if (!crmConfig.enabled()) {
                // the one place the flag is read: no adapter, no workers, no batch run; its operations are no-ops
                off.add(name);
                continue;
            }
            int maxSyncErrors = crmConfig.maxSyncErrors().orElse(runtimeConfig.maxSyncErrors());
            CrmAdapter adapter = adapter(name, buildConfig.crm().get(name).adapter(), factories, adapters);
            built.put(name, new CrmRuntime(name, guards.protect(name, adapter), maxSyncErrors,
                    crmConfig.queue().lease()));
        }
        this.crms = Collections.unmodifiableMap(built);
        this.disabled = Collections.unmodifiableSet(off);
    }

    /** The enabled CRM of that name, if there is one. */
    public Optional<CrmRuntime> find(String name) {
        return Optional.ofNullable(crms.get(name));
    }

    /** The enabled CRMs. */
    public Set<String> names() {
        return crms.keySet();
    }

    /** The CRMs configured with {@code enabled=false}. */
    public Set<String> disabledNames() {
        return disabled;
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
