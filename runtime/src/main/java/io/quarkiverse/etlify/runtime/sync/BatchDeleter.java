package io.quarkiverse.etlify.runtime.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.state.ClaimStore;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncRow;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Performs the CRM deletes that {@code @Etlified(onDelete = DELETE)} queued, for the queue's workers, as the batch
 * synchronizer performs syncs: one transaction claiming the records and reading their CRM ids, the adapter's deletes
 * (its batch delete when it has one), one transaction removing the sync rows of the records deleted (a CRM that no
 * longer knows a record counts as having deleted it) and recording the failures. A failure of the record counts
 * toward its {@code max-sync-errors}; a failure of the CRM as a whole defers it, uncounted. A record that exists
 * again (re-inserted with the same id) is not deleted: its request becomes a sync.
 */
@ApplicationScoped
public class BatchDeleter {

    private static final Logger LOG = Logger.getLogger(BatchDeleter.class);

    @Inject
    SyncStateStore store;

    @Inject
    ClaimStore claims;

    @Inject
    StaleRecordFinder finder;

    @Inject
    SecretRedactor redactor;

    /**
     * Deletes the CRM records of these records of one mapping, holding their claims as {@code owner}.
     *
     * @param resourceIds the records' {@code resource_id}s
     * @return per record {@link SyncResult#SYNCED} when its CRM record is gone (its row removed) and
     *         {@link SyncResult#ERROR} when the CRM refused it; deferred records; and the records that exist again,
     *         whose request is now a sync
     */
    public Deletes delete(CrmRuntime crm, Mapping mapping, List<String> resourceIds, String owner) {
        Transactions.requireNone("CRM delete");
        BatchOutcome outcome = new BatchOutcome();
        List<String> revived = new ArrayList<>();
        Map<String, String> crmIds = new LinkedHashMap<>();
        List<String> claimed = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> taken = claims.claim(crm.name(), mapping.resourceType(), resourceIds, owner, crm.claimLease());
            List<String> mine = resourceIds.stream().filter(taken::contains).toList();
            resourceIds.stream().filter(id -> !taken.contains(id)).forEach(id -> outcome.defer(id, null));
            Set<String> existing = mine.isEmpty() ? Set.of()
                    : finder.freshness(mapping, mine.stream().map(mapping::parseId).toList()).keySet();
            store.cancelDeletes(existing.stream().map(id -> key(crm, mapping, id)).toList());
            revived.addAll(existing);
            Map<String, SyncRow> rows = store.findAll(crm.name(), mapping.resourceType(), mine);
            mine.stream().filter(id -> !existing.contains(id))
                    .forEach(id -> crmIds.put(id, rows.get(id) == null ? null : rows.get(id).crmId()));
            if (!revived.isEmpty()) {
                claims.release(crm.name(), mapping.resourceType(), revived, owner);
            }
            return mine.stream().filter(id -> !existing.contains(id)).toList();
        });
        if (claimed.isEmpty()) {
            return new Deletes(outcome, revived);
        }
        List<SyncKey> gone = new ArrayList<>();
        FailedRows failures = new FailedRows();
        try {
            send(crm.adapter(), mapping, crmIds, crm, gone, failures, outcome);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                store.removeDeleted(gone);
                failures.write(store);
                claims.release(crm.name(), mapping.resourceType(), claimed, owner);
            });
        }
        return new Deletes(outcome, revived);
    }

    private void send(CrmAdapter adapter, Mapping mapping, Map<String, String> crmIds, CrmRuntime crm, List<SyncKey> gone,
            FailedRows failures, BatchOutcome outcome) {
        List<String> toDelete = new ArrayList<>();
        crmIds.forEach((resourceId, crmId) -> {
            if (crmId == null) {
                // never synced, or its CRM id forgotten: nothing of it in the CRM
                deleted(key(crm, mapping, resourceId), gone, outcome);
            } else {
                toDelete.add(resourceId);
            }
        });
        if (adapter.supportsBatchDelete() && toDelete.size() > 1) {
            try {
                Map<String, CrmException> errors = adapter.batchDelete(mapping.objectType(),
                        toDelete.stream().map(crmIds::get).toList());
                for (String resourceId : toDelete) {
                    CrmException error = errors.get(crmIds.get(resourceId));
                    if (error == null || error instanceof CrmNotFoundException) {
                        deleted(key(crm, mapping, resourceId), gone, outcome);
                    } else {
                        failed(crm, mapping, resourceId, error, failures, outcome);
                    }
                }
                return;
            } catch (CrmException e) {
                if (!Failures.isRecordSpecific(e)) {
                    toDelete.forEach(resourceId -> failed(crm, mapping, resourceId, e, failures, outcome));
                    return;
                }
                // refused as a whole for what some record holds: each record gets its own verdict
            }
        }
        for (int i = 0; i < toDelete.size(); i++) {
            String resourceId = toDelete.get(i);
            try {
                adapter.delete(mapping.objectType(), crmIds.get(resourceId));
                deleted(key(crm, mapping, resourceId), gone, outcome);
            } catch (CrmNotFoundException alreadyGone) {
                deleted(key(crm, mapping, resourceId), gone, outcome);
            } catch (RuntimeException e) {
                failed(crm, mapping, resourceId, e, failures, outcome);
                if (!Failures.isRecordSpecific(e)) {
                    // the CRM cannot take any more now: the rest waits with it, without a request each
                    toDelete.subList(i + 1, toDelete.size())
                            .forEach(left -> failed(crm, mapping, left, e, failures, outcome));
                    return;
                }
            }
        }
    }

    private static void deleted(SyncKey key, List<SyncKey> gone, BatchOutcome outcome) {
        gone.add(key);
        outcome.put(key.resourceId(), SyncResult.SYNCED);
    }

    private void failed(CrmRuntime crm, Mapping mapping, String resourceId, Throwable error, FailedRows failures,
            BatchOutcome outcome) {
        String described = redactor.describe(error);
        if (failures.add(key(crm, mapping, resourceId), error, "delete failed: " + described)) {
            LOG.warnf("CRM delete of %s %s from CRM %s failed: %s", mapping.resourceType(), resourceId, crm.name(),
                    described);
            outcome.put(resourceId, SyncResult.ERROR);
        } else {
            outcome.defer(resourceId, Failures.retryAfter(error));
        }
    }

    private static SyncKey key(CrmRuntime crm, Mapping mapping, String resourceId) {
        return new SyncKey(crm.name(), mapping.resourceType(), resourceId);
    }

    /**
     * What a batch of deletes did.
     *
     * @param outcome per record deleted ({@link SyncResult#SYNCED}) or refused ({@link SyncResult#ERROR}), and the
     *        deferred records
     * @param revived the records that exist again: not deleted, their request is now a sync
     */
    public record Deletes(BatchOutcome outcome, List<String> revived) {
    }
}
