package io.quarkiverse.etlify.runtime.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncLane;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.smallrye.common.annotation.Identifier;

/**
 * Hands the syncs the engine requests by itself (the dependencies of a buffered record, the records a sync
 * releases, an async batch sync's pages) to the dispatcher {@code sync(entity)} uses for the record: its
 * mapping's own, else its CRM's ({@code quarkus.etlify.crm."name".dispatcher}), else the built-in durable
 * queue, which records a whole page with set-based writes. Another dispatcher gets one request per record,
 * so work handed to the application's own queue is never left in a queue nobody reads.
 */
@ApplicationScoped
public class SyncRequestRouter {

    @Inject
    EtlifyRuntimeConfig config;

    @Inject
    @Any
    Instance<SyncDispatcher> dispatchers;

    @Inject
    MappingRegistry mappings;

    @Inject
    SyncStateStore store;

    private final Map<String, Optional<SyncDispatcher>> crmDispatchers = new ConcurrentHashMap<>();

    /** The bean named by {@code quarkus.etlify.crm."name".dispatcher}; empty for the built-in durable queue. */
    public Optional<SyncDispatcher> crmDispatcher(String crm) {
        return crmDispatchers.computeIfAbsent(crm, name -> config.crm().get(name).dispatcher()
                .map(identifier -> dispatchers.select(Identifier.Literal.of(identifier)).get()));
    }

    /** The dispatcher of a mapping's records other than the built-in durable queue (the mapping's own first), if any. */
    public Optional<SyncDispatcher> dispatcherOf(Mapping mapping) {
        SyncDispatcher own = mapping.customDispatcher();
        return own != null ? Optional.of(own) : crmDispatcher(mapping.crm());
    }

    /**
     * Within a transaction: requests the syncs of records of one mapping, by entity id; the built-in queue
     * puts them in {@code lane}.
     *
     * @return whether the built-in queue took them (its workers may be woken once the transaction committed)
     */
    public boolean request(Mapping mapping, List<?> ids, SyncLane lane) {
        if (ids.isEmpty()) {
            return false;
        }
        Optional<SyncDispatcher> dispatcher = dispatcherOf(mapping);
        if (dispatcher.isPresent()) {
            for (Object id : ids) {
                dispatcher.get().dispatch(new SyncRequest(mapping.crm(), mapping.entityType(), id,
                        mapping.resourceType(), ResourceIds.render(id)));
            }
            return false;
        }
        store.requestSync(ids.stream().map(id -> new SyncKey(mapping.crm(), mapping.resourceType(),
                ResourceIds.render(id))).toList(), lane);
        return true;
    }

    /** Within a transaction: requests the syncs of these records, in the built-in queue's urgent lane when it takes them. */
    public void request(Collection<SyncKey> keys) {
        Map<Mapping, List<Object>> routed = new LinkedHashMap<>();
        List<SyncKey> queued = new ArrayList<>();
        for (SyncKey key : keys) {
            Mapping mapping = mappings.mappingFor(key.crmName(), key.resourceType()).orElse(null);
            if (mapping == null || dispatcherOf(mapping).isEmpty()) {
                // a type no longer mapped: the queue's workers drop it, saying so
                queued.add(key);
            } else {
                routed.computeIfAbsent(mapping, m -> new ArrayList<>()).add(mapping.parseId(key.resourceId()));
            }
        }
        store.requestSync(queued);
        routed.forEach((mapping, ids) -> request(mapping, ids, SyncLane.URGENT));
    }
}
