package io.quarkiverse.etlify.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.runtime.batch.BatchSyncRunner;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.mapping.EntityAccess;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.sync.Deleter;
import io.quarkiverse.etlify.runtime.sync.Synchronizer;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;

/** The {@link Etlify} bean. */
@ApplicationScoped
class DefaultEtlify implements Etlify {

    private final Map<String, CrmOperations> crms;
    private final MappingRegistry mappings;

    private final BatchSyncRunner batchSyncs;

    @Inject
    public DefaultEtlify(CrmRegistry registry, MappingRegistry mappings, Synchronizer synchronizer, Deleter deleter,
            CrmDispatchers dispatchers, BatchSyncRunner batchSyncs, CrmGuards guards, StaleRecordFinder finder) {
        this.mappings = mappings;
        this.batchSyncs = batchSyncs;
        Map<String, CrmOperations> operations = new HashMap<>();
        for (String name : registry.names()) {
            CrmRuntime crm = registry.find(name).orElseThrow();
            operations.put(name, new EnabledCrm(crm, mappings, synchronizer, deleter, dispatchers.of(name),
                    guards.forCrm(name), finder));
        }
        registry.disabledNames().forEach(name -> operations.put(name, new DisabledCrm(name, mappings)));
        this.crms = Map.copyOf(operations);
    }

    @Override
    public BatchSyncStats batchSync(BatchSync options) {
        options.crms().forEach(this::crm);
        return batchSyncs.run(options);
    }

    @Override
    public boolean sync(Object entity) {
        List<Mapping> mapped = mappings.mappingsFor(EntityAccess.classOf(entity));
        if (mapped.isEmpty()) {
            throw new IllegalArgumentException(EntityAccess.classOf(entity).getName() + " is not @Etlified");
        }
        boolean accepted = true;
        for (Mapping mapping : mapped) {
            accepted &= crm(mapping.crm()).sync(entity);
        }
        return accepted;
    }

    @Override
    public CrmOperations crm(String name) {
        CrmOperations crm = crms.get(name);
        if (crm == null) {
            throw new IllegalArgumentException("No CRM named '" + name + "': configured CRMs are " + crms.keySet());
        }
        return crm;
    }

    @Override
    public boolean isEnabled(String name) {
        CrmOperations crm = crms.get(name);
        return crm == null || crm.isEnabled();
    }

    @Override
    public Set<String> crmNames() {
        return crms.keySet();
    }
}
