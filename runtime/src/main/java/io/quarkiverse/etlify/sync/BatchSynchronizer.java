package io.quarkiverse.etlify.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.adapter.UpsertOutcome;
import io.quarkiverse.etlify.mapping.Freshness;
import io.quarkiverse.etlify.mapping.Mapping;
import io.quarkiverse.etlify.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.CrmRuntime;
import io.quarkiverse.etlify.stale.StaleRecordFinder;
import io.quarkiverse.etlify.state.SyncKey;
import io.quarkiverse.etlify.state.SyncRow;
import io.quarkiverse.etlify.state.SyncStateStore;
import io.quarkiverse.etlify.state.SyncStateStore.RowValues;
import io.quarkiverse.etlify.sync.RecordPreparer.Prepared;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Syncs many records of one mapping with one CRM: one read transaction (freshness computed in SQL as
 * the stale finder computes it, guards, pending dependencies, payloads, digests, sync rows read in one
 * query), the adapter's batch upsert for the records that changed (record by record when the CRM
 * rejects the whole batch, or when the adapter has no batch support), then one write transaction
 * updating every sync row in batched statements.
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

    /** Syncs the records of these ids; {@code force} ignores stored digests. */
    public BatchOutcome sync(CrmRuntime crm, Mapping mapping, List<?> ids, boolean force) {
        Transactions.requireNone("batch sync");
        List<String> resourceIds = ids.stream().map(ResourceIds::render).toList();
        if (!crm.enabled()) {
            return BatchOutcome.disabled(resourceIds);
        }
        BatchOutcome outcome = new BatchOutcome();
        List<ToSend> toSend = QuarkusTransaction.requiringNew()
                .call(() -> prepare(crm.name(), mapping, ids, resourceIds, force, outcome));
        if (toSend.isEmpty()) {
            return outcome;
        }
        List<RowValues> synced = new ArrayList<>();
        List<RowValues> failed = new ArrayList<>();
        send(crm.adapter(), mapping, toSend, synced, failed, outcome);
        QuarkusTransaction.requiringNew().run(() -> {
            store.markSyncedAll(synced);
            store.markFailedAll(failed);
            if (dependencies.hasDependents(mapping)) {
                synced.forEach(row -> dependencies.release(row.key()));
            }
        });
        return outcome;
    }

    private List<ToSend> prepare(String crm, Mapping mapping, List<?> ids, List<String> resourceIds, boolean force,
            BatchOutcome outcome) {
        Session session = Panache.getEntityManager(mapping.entityType()).unwrap(Session.class);
        session.setDefaultReadOnly(true);
        // read first: a change committed between this statement and the load can only make the stored
        // watermark older than the payload (a needless re-check later), never newer (a lost update)
        Map<String, Freshness> freshnessInSql = finder.freshness(mapping, ids).orElse(null);
        List<?> entities = session.byMultipleIds(mapping.entityType()).multiLoad(ids);
        Map<String, SyncRow> rows = store.findAll(crm, mapping.resourceType(), resourceIds);
        List<RowValues> unchanged = new ArrayList<>();
        List<RowValues> failed = new ArrayList<>();
        List<ToSend> toSend = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Object entity = entities.get(i);
            String resourceId = resourceIds.get(i);
            SyncKey key = new SyncKey(crm, mapping.resourceType(), resourceId);
            if (entity == null) {
                outcome.put(resourceId, SyncResult.SKIPPED);
                continue;
            }
            try {
                Freshness freshness = freshnessInSql != null && freshnessInSql.containsKey(resourceId)
                        ? freshnessInSql.get(resourceId)
                        : mapping.freshness(entity);
                Prepared prepared = preparer.prepare(mapping, entity, key, freshness, () -> rows.get(resourceId), force);
                if (prepared.unchanged()) {
                    unchanged.add(RowValues.unchanged(key, freshness));
                }
                if (prepared.result() != null) {
                    outcome.put(resourceId, prepared.result());
                } else {
                    toSend.add(new ToSend(key, prepared));
                }
            } catch (RuntimeException e) {
                // the record's own fault (its serializer or guard threw): logged as an inline sync logs it
                String error = redactor.describe(e);
                LOG.warnf("Sync of %s %s with CRM %s failed: %s", key.resourceType(), resourceId, crm, error);
                failed.add(RowValues.failed(key, error));
                outcome.put(resourceId, SyncResult.ERROR);
            }
        }
        store.markUnchangedAll(unchanged);
        store.markFailedAll(failed);
        return toSend;
    }

    private void send(CrmAdapter adapter, Mapping mapping, List<ToSend> toSend, List<RowValues> synced,
            List<RowValues> failed, BatchOutcome outcome) {
        if (adapter.supportsBatchUpsert()) {
            try {
                Map<String, UpsertOutcome> results = adapter.batchUpsert(mapping.objectType(), mapping.idProperty(),
                        toSend.stream().map(ToSend::input).toList());
                for (ToSend record : toSend) {
                    UpsertOutcome result = results.get(record.key().resourceId());
                    if (result != null && result.isSuccess()) {
                        succeeded(record, result.crmId(), synced, outcome);
                    } else if (result != null && result.error() instanceof CrmRateLimitedException) {
                        outcome.defer(record.key().resourceId());
                    } else {
                        failed(record, result == null ? new IllegalStateException("no outcome from the CRM") : result.error(),
                                failed, outcome);
                    }
                }
                return;
            } catch (CrmRateLimitedException e) {
                toSend.forEach(record -> outcome.defer(record.key().resourceId()));
                return;
            } catch (CrmValidationException e) {
                LOG.debugf("CRM rejected a batch of %d %s, syncing them one by one: %s", toSend.size(),
                        mapping.objectType(), redactor.describe(e));
            } catch (CrmException e) {
                toSend.forEach(record -> failed(record, e, failed, outcome));
                return;
            }
        }
        for (int i = 0; i < toSend.size(); i++) {
            ToSend record = toSend.get(i);
            try {
                succeeded(record, adapter.upsert(mapping.objectType(), record.prepared().payload(),
                        mapping.idProperty(), record.prepared().crmId()), synced, outcome);
            } catch (CrmRateLimitedException e) {
                toSend.subList(i, toSend.size()).forEach(left -> outcome.defer(left.key().resourceId()));
                return;
            } catch (RuntimeException e) {
                failed(record, e, failed, outcome);
            }
        }
    }

    private static void succeeded(ToSend record, String crmId, List<RowValues> synced, BatchOutcome outcome) {
        synced.add(RowValues.synced(record.key(), crmId, record.prepared().digest(), record.prepared().freshness()));
        outcome.put(record.key().resourceId(), SyncResult.SYNCED);
    }

    private void failed(ToSend record, Throwable error, List<RowValues> failed, BatchOutcome outcome) {
        failed.add(RowValues.failed(record.key(), redactor.describe(error)));
        outcome.put(record.key().resourceId(), SyncResult.ERROR);
    }

    private record ToSend(SyncKey key, Prepared prepared) {

        BatchUpsertInput input() {
            return new BatchUpsertInput(key.resourceId(), prepared.payload(), prepared.crmId());
        }
    }
}
