package io.quarkiverse.etlify.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.mapping.Mapping;
import io.quarkiverse.etlify.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.CrmRuntime;
import io.quarkiverse.etlify.state.SyncKey;
import io.quarkiverse.etlify.state.SyncStateStore;
import io.quarkiverse.etlify.sync.RecordPreparer.Prepared;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Syncs one record with one CRM, inline. Three short transactions, none open during the CRM call:
 * read (guard, payload, digest and watermark taken from the same committed state), then the call,
 * then the sync row update. The watermark stored is the one read with the payload, so a change
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

    /** Syncs the record of that id; {@code force} ignores the stored digest. */
    public SyncResult sync(CrmRuntime crm, Mapping mapping, Object id, boolean force) {
        Transactions.requireNone("syncNow");
        SyncKey key = new SyncKey(crm.name(), mapping.resourceType(), ResourceIds.render(id));
        Prepared prepared;
        try {
            prepared = QuarkusTransaction.requiringNew().call(() -> prepare(mapping, id, key, force));
        } catch (RuntimeException e) {
            return fail(key, e);
        }
        if (prepared.result() != null) {
            return prepared.result();
        }
        String crmId;
        try {
            crmId = crm.adapter().upsert(mapping.objectType(), prepared.payload(), mapping.idProperty(), prepared.crmId());
        } catch (RuntimeException e) {
            return fail(key, e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            store.markSynced(key, crmId, prepared.digest(), prepared.freshness());
            if (dependencies.hasDependents(mapping)) {
                dependencies.release(key);
            }
        });
        return SyncResult.SYNCED;
    }

    private Prepared prepare(Mapping mapping, Object id, SyncKey key, boolean force) {
        Session session = Panache.getEntityManager(mapping.entityType()).unwrap(Session.class);
        session.setDefaultReadOnly(true);
        Object entity = session.find(mapping.entityType(), id);
        if (entity == null) {
            return Prepared.done(SyncResult.SKIPPED, null);
        }
        Prepared prepared = preparer.prepare(mapping, entity, key, mapping.freshness(entity), () -> store.find(key),
                force);
        if (prepared.unchanged()) {
            store.markUnchanged(key, prepared.freshness());
        }
        return prepared;
    }

    private SyncResult fail(SyncKey key, RuntimeException failure) {
        String error = redactor.describe(failure);
        LOG.warnf("Sync of %s %s with CRM %s failed: %s", key.resourceType(), key.resourceId(), key.crmName(), error);
        // a rate limit is not the record's fault: it must not count towards max-sync-errors
        QuarkusTransaction.requiringNew().run(() -> {
            if (failure instanceof CrmRateLimitedException) {
                store.markDeferred(key, error);
            } else {
                store.markFailed(key, error);
            }
        });
        return SyncResult.ERROR;
    }
}
