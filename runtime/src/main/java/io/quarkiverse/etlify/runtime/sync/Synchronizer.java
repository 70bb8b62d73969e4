package io.quarkiverse.etlify.runtime.sync;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.mapping.Freshness;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.metrics.EtlifyMetrics;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.state.Holders;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncRow;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.runtime.state.SyncStateStore.RowValues;
import io.quarkiverse.etlify.runtime.sync.CrmRecordConflicts.Conflict;
import io.quarkiverse.etlify.runtime.sync.RecordClaims.Claimed;
import io.quarkiverse.etlify.runtime.sync.RecordPreparer.Prepared;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Syncs one record with one CRM, inline. Three short transactions, none open during the CRM call:
 * claim the record and read it (its freshness in SQL first, then the entity, its guard, payload and
 * digest), then the call, then the sync row update, which gives the claim back (a CRM id another record
 * holds is refused there, see {@link CrmRecordConflicts}). The claim keeps every other path off the
 * record meanwhile, so a later call reads what this one wrote and two calls never overtake each other at
 * the CRM. The watermark stored is the one read before the payload: a change committed between the two,
 * or while the call is in flight, is newer than it and still makes the record stale.
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
    StaleRecordFinder finder;

    @Inject
    CrmRecordConflicts conflicts;

    @Inject
    EtlifyMetrics metrics;

    @Inject
    ClaimingRead claimingRead;

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
            prepared = claims.untilClaimed(crm, key, () -> claimAndPrepare(crm, mapping, id, key, force, owner));
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
        String taken = CrmRecordConflicts.retryingWhenTaken(() -> QuarkusTransaction.requiringNew()
                .call(() -> complete(mapping, key, crmId, prepared, owner)));
        if (taken != null) {
            LOG.warnf("Sync of %s %s with CRM %s failed: %s", key.resourceType(), key.resourceId(), key.crmName(), taken);
            return SyncResult.ERROR;
        }
        return SyncResult.SYNCED;
    }

    /**
     * Within a transaction: claims the record and prepares it; {@code null} when another holder has it. One
     * statement claims it and reads its freshness and sync row where the database allows ({@link ClaimingRead});
     * else the claim, then the freshness, then (once needed) the sync row, each on its own.
     */
    private Claimed<Prepared> claimAndPrepare(CrmRuntime crm, Mapping mapping, Object id, SyncKey key, boolean force,
            String owner) {
        ClaimingRead.Result read = claimingRead.claim(mapping, id, key, owner, crm.claimLease());
        if (read == null) {
            if (!claims.claim(crm, key, owner)) {
                return null;
            }
            // read first: a change committed between this statement and the load can only make the stored
            // watermark older than the payload (a needless re-check later), never newer (a lost update)
            Freshness freshness = finder.freshnessOf(mapping, id).orElse(null);
            return new Claimed<>(prepare(mapping, id, key, force, owner, freshness, null));
        }
        // a row the claiming statement did not see may have been inserted since its snapshot: read once claimed
        return read.claimed() ? new Claimed<>(prepare(mapping, id, key, force, owner, read.freshness(), read.row()))
                : null;
    }

    /**
     * Within the claiming transaction, the freshness read: loads the record and prepares it.
     *
     * @param row the sync row if already read, else {@code null} (read when needed)
     */
    private Prepared prepare(Mapping mapping, Object id, SyncKey key, boolean force, String owner, Freshness freshness,
            SyncRow row) {
        Session session = Panache.getEntityManager(mapping.entityType()).unwrap(Session.class);
        session.setDefaultReadOnly(true);
        Object entity = freshness == null ? null : session.find(mapping.entityType(), id);
        StoredRow stored = new StoredRow(key, row);
        Prepared prepared = entity == null ? Prepared.done(SyncResult.SKIPPED, null)
                : preparer.prepare(mapping, entity, key, freshness, stored::get, force);
        if (prepared.unchanged() && entity != null) {
            if (prepared.result() == SyncResult.SKIPPED) {
                store.markSkippedAll(List.of(RowValues.unchanged(key, prepared.freshness())));
            } else {
                store.markUnchanged(key, prepared.freshness());
            }
            if (prepared.result() == SyncResult.NOT_MODIFIED || hasCrmId(mapping, stored)) {
                dependencies.release(mapping, List.of(key));
            }
        }
        if (prepared.result() != null) {
            claims.release(key, owner);
        }
        return prepared;
    }

    /**
     * Within a transaction, after the CRM call: stores the outcome and gives the claim back, in one statement where
     * the database allows; a CRM id another record holds is refused ({@link CrmRecordConflicts}).
     *
     * @return why the CRM id was refused, or {@code null}
     */
    private String complete(Mapping mapping, SyncKey key, String crmId, Prepared prepared, String owner) {
        Boolean written = store.markSyncedReleasing(key, crmId, prepared.digest(), prepared.freshness(),
                conflicts.holderTypes(mapping), owner);
        if (Boolean.TRUE.equals(written)) {
            dependencies.release(mapping, List.of(key));
            return null;
        }
        // separate statements, or another record holds the CRM id (then the claim is given back already)
        List<Conflict> refused = conflicts.find(mapping,
                List.of(RowValues.synced(key, crmId, prepared.digest(), prepared.freshness())));
        if (refused.isEmpty()) {
            store.markSynced(key, crmId, prepared.digest(), prepared.freshness());
            dependencies.release(mapping, List.of(key));
        } else {
            conflicts.refuse(refused);
        }
        claims.release(key, owner);
        return refused.isEmpty() ? null : refused.get(0).error();
    }

    /** Whether a skipped record has a CRM id its dependents can use (read only when something may wait for it). */
    private boolean hasCrmId(Mapping mapping, StoredRow stored) {
        if (!dependencies.hasDependents(mapping)) {
            return false;
        }
        SyncRow row = stored.get();
        return row != null && row.crmId() != null;
    }

    /** A record's sync row, read at most once, when first needed (unless given). */
    private final class StoredRow {

        private final SyncKey key;
        private SyncRow row;
        private boolean read;

        StoredRow(SyncKey key, SyncRow row) {
            this.key = key;
            this.row = row;
            this.read = row != null;
        }

        SyncRow get() {
            if (!read) {
                row = store.find(key);
                read = true;
            }
            return row;
        }
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
