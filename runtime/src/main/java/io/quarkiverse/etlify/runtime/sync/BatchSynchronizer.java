package io.quarkiverse.etlify.runtime.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.UpsertOutcome;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.mapping.Freshness;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.metrics.EtlifyMetrics;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.state.ClaimStore;
import io.quarkiverse.etlify.runtime.state.Holders;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncRow;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.runtime.state.SyncStateStore.RowValues;
import io.quarkiverse.etlify.runtime.sync.CrmRecordConflicts.Conflict;
import io.quarkiverse.etlify.runtime.sync.RecordPreparer.Prepared;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Syncs many records of one mapping with one CRM: one read transaction claiming the records (those
 * another call is syncing are deferred, see {@link ClaimStore}) and preparing them (freshness read in SQL before the
 * records are loaded, see {@link StaleRecordFinder#freshness}; guards, pending dependencies, payloads, digests, sync
 * rows read in one query),
 * the adapter's batch upsert for the records that changed (record by record when the CRM rejects the
 * whole batch, or when the adapter has no batch support), then one write transaction updating every
 * sync row in batched statements (refusing CRM ids other records hold, see {@link CrmRecordConflicts}) and
 * giving the claims back. Failures of a record count toward its {@code max-sync-errors}; failures of the
 * CRM as a whole defer the records, uncounted.
 */
@ApplicationScoped
public class BatchSynchronizer {

    private static final Logger LOG = Logger.getLogger(BatchSynchronizer.class);

    @Inject
    SyncStateStore store;

    @Inject
    RecordPreparer preparer;

    @Inject
    SecretRedactor redactor;

    @Inject
    SyncDependencyGate dependencies;

    @Inject
    StaleRecordFinder finder;

    @Inject
    ClaimStore claims;

    @Inject
    CrmRecordConflicts conflicts;

    @Inject
    EtlifyMetrics metrics;

    /** Syncs the records of these ids; {@code force} ignores stored digests. */
    public BatchOutcome sync(CrmRuntime crm, Mapping mapping, List<?> ids, boolean force) {
        return sync(crm, mapping, ids, force, Holders.unique("batch"));
    }

    /**
     * Syncs the records of these ids, holding their claims as {@code owner} (e.g. a queue worker's name)
     * while their CRM calls are in flight.
     */
    public BatchOutcome sync(CrmRuntime crm, Mapping mapping, List<?> ids, boolean force, String owner) {
        long start = System.nanoTime();
        BatchOutcome outcome = syncBatch(crm, mapping, ids, force, owner);
        metrics.recordBatch(crm.name(), mapping.resourceType(), outcome.withDeferred(),
                Duration.ofNanos(System.nanoTime() - start));
        return outcome;
    }

    private BatchOutcome syncBatch(CrmRuntime crm, Mapping mapping, List<?> ids, boolean force, String owner) {
        Transactions.requireNone("batch sync");
        List<String> resourceIds = ids.stream().map(ResourceIds::render).toList();
        // a failure here rolls the claims back with the rest; a deadlock's victim prepares afresh (nothing was sent)
        PreparedBatch prepared = Transactions.retryingDeadlockVictims(() -> {
            Written fresh = new Written(crm.name(), mapping.resourceType(), owner);
            BatchOutcome freshOutcome = new BatchOutcome();
            return new PreparedBatch(QuarkusTransaction.requiringNew()
                    .call(() -> prepare(crm, mapping, ids, resourceIds, force, freshOutcome, fresh)), freshOutcome, fresh);
        });
        List<ToSend> toSend = prepared.toSend();
        BatchOutcome outcome = prepared.outcome();
        Written written = prepared.written();
        if (toSend.isEmpty()) {
            return outcome;
        }
        try {
            send(crm.adapter(), mapping, toSend, written, outcome);
        } finally {
            List<Conflict> refused = CrmRecordConflicts.retryingWhenTaken(
                    () -> QuarkusTransaction.requiringNew().call(() -> write(mapping, written)));
            for (Conflict conflict : refused) {
                LOG.warnf("Sync of %s %s with CRM %s failed: %s", conflict.key().resourceType(),
                        conflict.key().resourceId(), crm.name(), conflict.error());
                outcome.put(conflict.key().resourceId(), SyncResult.ERROR);
            }
        }
        return outcome;
    }

    /** What the preparing transaction left: the records to send, the outcomes known already, the rows to write. */
    private record PreparedBatch(List<ToSend> toSend, BatchOutcome outcome, Written written) {
    }

    /** Writes the sync rows and gives the claims back; returns the records refused a CRM id another one holds. */
    private List<Conflict> write(Mapping mapping, Written written) {
        List<Conflict> refused = conflicts.find(mapping, written.synced);
        Set<SyncKey> refusedKeys = refused.stream().map(Conflict::key).collect(Collectors.toSet());
        List<RowValues> synced = written.synced.stream().filter(row -> !refusedKeys.contains(row.key())).toList();
        store.markSyncedAll(synced);
        written.failures.write(store);
        conflicts.refuse(refused);
        written.release(claims);
        dependencies.release(mapping, synced.stream().map(RowValues::key).toList());
        return refused;
    }

    private List<ToSend> prepare(CrmRuntime crm, Mapping mapping, List<?> allIds, List<String> allResourceIds,
            boolean force, BatchOutcome outcome, Written written) {
        List<Object> ids = new ArrayList<>();
        List<String> resourceIds = new ArrayList<>();
        Set<String> claimed = claims.claim(crm.name(), mapping.resourceType(), allResourceIds, written.owner,
                crm.claimLease());
        for (int i = 0; i < allIds.size(); i++) {
            if (claimed.contains(allResourceIds.get(i))) {
                ids.add(allIds.get(i));
                resourceIds.add(allResourceIds.get(i));
            } else {
                // another call is syncing it: that call reads what was committed before it claimed
                outcome.defer(allResourceIds.get(i), null);
            }
        }
        written.claimed.addAll(resourceIds);
        Session session = Panache.getEntityManager(mapping.entityType()).unwrap(Session.class);
        session.setDefaultReadOnly(true);
        // read first: a change committed between this statement and the load can only make the stored
        // watermark older than the payload (a needless re-check later), never newer (a lost update)
        Map<String, Freshness> freshnessRead = ids.isEmpty() ? Map.of() : finder.freshness(mapping, ids);
        List<?> entities = ids.isEmpty() ? List.of() : session.byMultipleIds(mapping.entityType()).multiLoad(ids);
        Map<String, SyncRow> rows = store.findAll(crm.name(), mapping.resourceType(), resourceIds);
        List<RowValues> unchanged = new ArrayList<>();
        List<RowValues> skipped = new ArrayList<>();
        List<SyncKey> completed = new ArrayList<>();
        List<RowValues> failed = new ArrayList<>();
        List<ToSend> toSend = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Object entity = entities.get(i);
            String resourceId = resourceIds.get(i);
            SyncKey key = new SyncKey(crm.name(), mapping.resourceType(), resourceId);
            Freshness freshness = freshnessRead.get(resourceId);
            if (entity == null || freshness == null) {
                // gone, or not there when its freshness was read: nothing of it can be stored
                outcome.put(resourceId, SyncResult.SKIPPED);
                continue;
            }
            try {
                Prepared prepared = preparer.prepare(mapping, entity, key, freshness, () -> rows.get(resourceId), force);
                if (prepared.unchanged()) {
                    (prepared.result() == SyncResult.SKIPPED ? skipped : unchanged)
                            .add(RowValues.unchanged(key, freshness));
                    SyncRow row = rows.get(resourceId);
                    if (prepared.result() == SyncResult.NOT_MODIFIED || row != null && row.crmId() != null) {
                        completed.add(key);
                    }
                }
                if (prepared.result() != null) {
                    outcome.put(resourceId, prepared.result());
                } else {
                    toSend.add(new ToSend(key, prepared));
                }
            } catch (RuntimeException e) {
                // the record's own fault (its serializer or guard threw): logged as an inline sync logs it
                String error = redactor.describe(e);
                LOG.warnf("Sync of %s %s with CRM %s failed: %s", key.resourceType(), resourceId, crm.name(), error);
                failed.add(RowValues.failed(key, error));
                outcome.put(resourceId, SyncResult.ERROR);
            }
        }
        store.markUnchangedAll(unchanged);
        store.markSkippedAll(skipped);
        store.markFailedAll(failed);
        dependencies.release(mapping, completed);
        if (toSend.isEmpty()) {
            written.release(claims);
        }
        return toSend;
    }

    private void send(CrmAdapter adapter, Mapping mapping, List<ToSend> records, Written written,
            BatchOutcome outcome) {
        List<ToSend> toSend = reconciled(adapter, mapping, records, written, outcome);
        if (adapter.supportsBatchUpsert() && !toSend.isEmpty()) {
            try {
                Map<String, UpsertOutcome> results = adapter.batchUpsert(mapping.objectType(), mapping.idProperty(),
                        toSend.stream().map(ToSend::input).toList());
                for (ToSend record : toSend) {
                    UpsertOutcome result = results.get(record.key().resourceId());
                    if (result != null && result.isSuccess()) {
                        succeeded(record, result.crmId(), written, outcome);
                    } else {
                        failed(record, result == null ? new IllegalStateException("no outcome from the CRM") : result.error(),
                                written, outcome);
                    }
                }
                return;
            } catch (CrmException e) {
                if (!Failures.isRecordSpecific(e)) {
                    toSend.forEach(record -> failed(record, e, written, outcome));
                    return;
                }
                // the CRM refused the batch for what some record holds: each record gets its own verdict
                LOG.debugf("CRM rejected a batch of %d %s, syncing them one by one: %s", toSend.size(),
                        mapping.objectType(), redactor.describe(e));
            }
        }
        for (int i = 0; i < toSend.size(); i++) {
            ToSend record = toSend.get(i);
            try {
                succeeded(record, adapter.upsert(mapping.objectType(), record.prepared().payload(),
                        mapping.idProperty(), record.prepared().crmId()), written, outcome);
            } catch (RuntimeException e) {
                failed(record, e, written, outcome);
                if (!Failures.isRecordSpecific(e)) {
                    // the CRM cannot take any more now: the rest waits with it, without a request each
                    toSend.subList(i + 1, toSend.size()).forEach(left -> failed(left, e, written, outcome));
                    return;
                }
            }
        }
    }

    /** The records to write, those whose last create's answer was lost pointed at what that create wrote. */
    private List<ToSend> reconciled(CrmAdapter adapter, Mapping mapping, List<ToSend> toSend, Written written,
            BatchOutcome outcome) {
        List<ToSend> reconciled = new ArrayList<>(toSend.size());
        for (ToSend record : toSend) {
            Prepared prepared = record.prepared();
            if (!prepared.createUnconfirmed() || prepared.crmId() != null) {
                reconciled.add(record);
                continue;
            }
            try {
                String found = adapter.findCreated(mapping.objectType(), prepared.payload()).orElse(null);
                reconciled.add(new ToSend(record.key(), prepared.withCrmId(found)));
            } catch (RuntimeException e) {
                failed(record, e, written, outcome);
            }
        }
        return reconciled;
    }

    private static void succeeded(ToSend record, String crmId, Written written, BatchOutcome outcome) {
        written.synced.add(RowValues.synced(record.key(), crmId, record.prepared().digest(), record.prepared().freshness()));
        outcome.put(record.key().resourceId(), SyncResult.SYNCED);
    }

    private void failed(ToSend record, Throwable error, Written written, BatchOutcome outcome) {
        if (written.failures.add(record.key(), error, redactor.describe(error))) {
            outcome.put(record.key().resourceId(), SyncResult.ERROR);
        } else {
            outcome.defer(record.key().resourceId(), Failures.retryAfter(error));
        }
    }

    private record ToSend(SyncKey key, Prepared prepared) {

        BatchUpsertInput input() {
            return new BatchUpsertInput(key.resourceId(), prepared.payload(), prepared.crmId());
        }
    }

    /** The sync rows one batch writes at the end, and the claims it holds. */
    private static final class Written {

        final String crm;
        final String resourceType;
        final String owner;
        final List<String> claimed = new ArrayList<>();
        final List<RowValues> synced = new ArrayList<>();
        final FailedRows failures = new FailedRows();

        Written(String crm, String resourceType, String owner) {
            this.crm = crm;
            this.resourceType = resourceType;
            this.owner = owner;
        }

        /** Gives the claims back, in the current transaction. */
        void release(ClaimStore claims) {
            if (!claimed.isEmpty()) {
                claims.release(crm, resourceType, claimed, owner);
            }
        }
    }
}
