package io.quarkiverse.etlify.runtime.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.runtime.mapping.EntityAccess;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.state.PendingSyncStore;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncRow;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * {@code syncDependencies}: a record waits ({@code BUFFERED}) while a dependency has no CRM id; the
 * dependency's sync is requested, and the dependent is requested again once a sync of the dependency
 * completes without error (synced or unmodified; skipped only when its CRM id is known). Both requests go
 * to the dispatcher {@code sync(entity)} uses for that record ({@link SyncRequestRouter}).
 * A dependency counts as synced when its own sync row has a CRM id or, for a model Etlify does not
 * map, when it has a legacy {@code <crm>Id} / {@code <crm>_id} attribute set (as in the gem). A
 * dependency already waiting for the dependent is not waited for, so cycles never deadlock.
 */
@ApplicationScoped
class SyncDependencyGate {

    @Inject
    MappingRegistry mappings;

    @Inject
    SyncStateStore states;

    @Inject
    PendingSyncStore pending;

    @Inject
    SyncRequestRouter requests;

    /** Per CRM: the mappings are fixed once the application has started. */
    private final Map<String, Boolean> hasDependents = new ConcurrentHashMap<>();

    /** Within a transaction: whether the record must wait; buffers it and requests its dependencies if so. */
    public boolean mustWait(Mapping mapping, Object entity, SyncKey key) {
        if (mapping.definition().getSyncDependencies().isEmpty()) {
            return false;
        }
        List<SyncKey> waitFor = new ArrayList<>();
        List<SyncKey> toRequest = new ArrayList<>();
        for (String path : mapping.definition().getSyncDependencies()) {
            List<Object> reached = new ArrayList<>();
            EntityAccess.collect(entity, path.split("\\."), 0, reached);
            for (Object dependency : reached) {
                Optional<SyncKey> mapped = dependencyKey(dependency, key.crmName());
                if (mapped.isPresent()) {
                    SyncKey dependencyKey = mapped.get();
                    if (!hasCrmId(dependencyKey) && !pending.isWaiting(dependencyKey, key)) {
                        waitFor.add(dependencyKey);
                        toRequest.add(dependencyKey);
                    }
                } else if (!hasLegacyCrmId(dependency, key.crmName())) {
                    // nothing Etlify can request: the next batch sync tries the dependent again
                    waitFor.add(legacyKey(dependency, key.crmName()));
                }
            }
        }
        for (SyncKey dependency : waitFor) {
            pending.buffer(key, dependency);
        }
        requests.request(toRequest);
        return !waitFor.isEmpty();
    }

    /**
     * Within a transaction, after syncs of records of this mapping completed without error (synced, unmodified,
     * or skipped by the guard while their CRM id is known): requests the syncs that waited for them. Whether or
     * not the CRM was called, the dependency has a CRM id, and a record may have been buffered for it after its
     * previous sync (it read no CRM id before that sync committed).
     */
    public void release(Mapping mapping, Collection<SyncKey> completed) {
        if (completed.isEmpty() || !hasDependents(mapping)) {
            return;
        }
        requests.request(pending.releaseAll(completed));
    }

    /** Whether some mapping of the same CRM declares sync dependencies (only then can anything wait for this one). */
    public boolean hasDependents(Mapping mapping) {
        return hasDependents.computeIfAbsent(mapping.crm(), crm -> mappings.mappingsOf(crm).stream()
                .anyMatch(other -> !other.definition().getSyncDependencies().isEmpty()));
    }

    private Optional<SyncKey> dependencyKey(Object dependency, String crm) {
        Class<?> type = EntityAccess.classOf(dependency);
        return mappings.mappingFor(type, crm).map(mapping -> new SyncKey(crm, mapping.resourceType(),
                ResourceIds.render(mapping.id(dependency))));
    }

    private boolean hasCrmId(SyncKey dependency) {
        SyncRow row = states.find(dependency);
        return row != null && row.crmId() != null;
    }

    private static SyncKey legacyKey(Object dependency, String crm) {
        Class<?> type = EntityAccess.classOf(dependency);
        Object id = Panache.getEntityManager(type).getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(dependency);
        return new SyncKey(crm, type.getSimpleName(), ResourceIds.render(id));
    }

    /** Unmapped dependency: a legacy CRM id attribute, else nothing can ever be waited for. */
    private static boolean hasLegacyCrmId(Object dependency, String crm) {
        Class<?> type = EntityAccess.classOf(dependency);
        for (String attribute : List.of(crm + "Id", crm + "_id")) {
            if (EntityAccess.hasAttribute(type, attribute)) {
                return EntityAccess.read(dependency, attribute) != null;
            }
        }
        return true;
    }
}
