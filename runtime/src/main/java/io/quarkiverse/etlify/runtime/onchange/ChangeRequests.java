package io.quarkiverse.etlify.runtime.onchange;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.engine.spi.SessionFactoryImplementor;

import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.queue.QueueSignal;
import io.quarkiverse.etlify.runtime.stale.OwnerFinder;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncLane;
import io.quarkiverse.etlify.runtime.state.SyncInbox;
import io.quarkiverse.etlify.runtime.sync.SyncRequestRouter;

/**
 * Turns a transaction's {@link TransactionChanges} into requests, in that transaction, before it commits: the records
 * concerned by changed rows are found with one statement per path step ({@link OwnerFinder}), their syncs requested
 * through the dispatcher {@code sync(entity)} would use ({@link SyncRequestRouter}); for the built-in queue, the syncs
 * and the CRM deletes are recorded in its inbox ({@link SyncInbox}: narrow inserts, one batch per mapping), which its
 * workers fold into the sync rows. Once the transaction committed, this instance's workers of the CRMs concerned are
 * woken.
 */
@ApplicationScoped
class ChangeRequests {

    @Inject
    MappingRegistry mappings;

    @Inject
    EtlifyRuntimeConfig config;

    @Inject
    OwnerFinder owners;

    @Inject
    SyncRequestRouter router;

    @Inject
    SyncInbox inbox;

    @Inject
    QueueSignal signal;

    /** What changes concern in a persistence unit, for its listener. */
    ChangeWatches watches(SessionFactoryImplementor factory) {
        Set<Mapping> watching = ChangeWatches.watching(mappings, crm -> config.crm().get(crm).enabled(),
                type -> factory.getMappingMetamodel().findEntityDescriptor(type) != null);
        return new ChangeWatches(factory, mappings, owners, watching);
    }

    /** Writes the requests the changes call for, in the current transaction (once). */
    void record(TransactionChanges changes) {
        if (!changes.markRecorded() || changes.isEmpty()) {
            return;
        }
        changes.toLookUp.forEach((target, ids) -> owners.owners(target.mapping(), target.path(), target.position(), ids)
                .forEach(owner -> changes.sync(target.mapping(), owner)));
        changes.toSync.forEach((mapping, ids) -> {
            ids.removeAll(changes.deleted.getOrDefault(mapping, Set.of()));
            if (ids.isEmpty()) {
                return;
            }
            if (router.dispatcherOf(mapping).isPresent()) {
                // the application's own dispatcher: one request per record, as sync(entity) makes them
                router.request(mapping, List.copyOf(ids), SyncLane.URGENT);
            } else {
                inbox.add(keys(mapping, ids), false);
                changes.queued.add(mapping.crm());
            }
        });
        // a SyncDispatcher takes syncs only: deletes go to the built-in queue, which keeps the CRM id
        changes.toDelete.forEach((mapping, ids) -> {
            inbox.add(keys(mapping, ids), true);
            changes.queued.add(mapping.crm());
        });
    }

    private static List<SyncKey> keys(Mapping mapping, Set<Object> ids) {
        return ids.stream().map(id -> new SyncKey(mapping.crm(), mapping.resourceType(), ResourceIds.render(id)))
                .toList();
    }

    /** Wakes this instance's workers of the CRMs whose built-in queue received requests. */
    void committed(TransactionChanges changes) {
        changes.queued.forEach(signal::wake);
    }
}
