package io.quarkiverse.etlify.runtime.sync;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.metrics.EtlifyMetrics;
import io.quarkiverse.etlify.runtime.state.Holders;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.runtime.sync.RecordPreparer.Prepared;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Syncs one record with one CRM, inline. Three short transactions, none open during the CRM call:
 * claim the record and read it (guard, payload, digest and watermark taken from the same committed
 * state), then the call, then the sync row update, which gives the claim back. The claim keeps every
 * other path off the record meanwhile, so a later call reads what this one wrote and two calls never
 * overtake each other at the CRM. The watermark stored is the one read with the payload, so a change
 * committed while the call is in flight still makes the record stale.
 */
@ApplicationScoped
public class Synchronizer {

    private static final Logger LOG = Logger.getLogger(Synchronizer.class);

    @Inject
    SyncStateStore store;

    @Inject
    RecordPreparer preparer;

    @Inject
    SecretRedactor redactor;

    @Inject
    SyncDependencyGate dependencies;

    @Inject
    RecordClaims claims;

    @Inject
    EtlifyMetrics metrics;

    /** Syncs the record of that id; {@code force} ignores the stored digest. */
    public SyncResult sync(CrmRuntime crm, Mapping mapping, Object id, boolean force) {
        long start = System.nanoTime();
        SyncResult result = syncRecord(crm, mapping, id, force);
        metrics.recordSync(crm.name(), mapping.resourceType(), result, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private SyncResult syncRecord(CrmRuntime crm, Mapping mapping, Object id, boolean force) {
        Transactions.requireNone("syncNow");
        SyncKey key = new SyncKey(crm.name(), mapping.resourceType(), ResourceIds.render(id));
        String owner = Holders.unique("sync");
        Prepared prepared;
        try {
            prepared = claims.whenClaimed(crm, key, owner, () -> prepare(mapping, id, key, force, owner));
        } catch (RuntimeException e) {
            return fail(key, e, owner);
        }
        if (prepared.result() != null) {
            return prepared.result();
        }
        String crmId;
        try {
            Prepared toWrite = prepared.createUnconfirmed() && prepared.crmId() == null
                    ? prepared.withCrmId(crm.adapter().findCreated(mapping.objectType(), prepared.payload()).orElse(null))
                    : prepared;
            crmId = crm.adapter().upsert(mapping.objectType(), toWrite.payload(), mapping.idProperty(), toWrite.crmId());
        } catch (RuntimeException e) {
            return fail(key, e, owner);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            store.markSynced(key, crmId, prepared.digest(), prepared.freshness());
            claims.release(key, owner);
            if (dependencies.hasDependents(mapping)) {
                dependencies.release(key);
            }
        });
        return SyncResult.SYNCED;
    }

    private Prepared prepare(Mapping mapping, Object id, SyncKey key, boolean force, String owner) {
        Session session = Panache.getEntityManager(mapping.entityType()).unwrap(Session.class);
        session.setDefaultReadOnly(true);
        Object entity = session.find(mapping.entityType(), id);
        Prepared prepared = entity == null ? Prepared.done(SyncResult.SKIPPED, null)
                : preparer.prepare(mapping, entity, key, mapping.freshness(entity), () -> store.find(key), force);
        if (prepared.unchanged() && entity != null) {
            store.markUnchanged(key, prepared.freshness());
        }
        if (prepared.result() != null) {
            claims.release(key, owner);
        }
        return prepared;
    }

    private SyncResult fail(SyncKey key, RuntimeException failure, String owner) {
        String error = redactor.describe(failure);
        FailedRows rows = new FailedRows();
        boolean recordSpecific = rows.add(key, failure, error);
        LOG.warnf("Sync of %s %s with CRM %s %s: %s", key.resourceType(), key.resourceId(), key.crmName(),
                recordSpecific ? "failed" : "deferred, the CRM cannot take it now", error);
        QuarkusTransaction.requiringNew().run(() -> {
            rows.write(store);
            if (!recordSpecific) {
                // the durable queue retries it once the CRM is usable again
                store.requestSync(List.of(key));
            }
            claims.release(key, owner);
        });
        return recordSpecific ? SyncResult.ERROR : SyncResult.DEFERRED;
    }
}
