package io.quarkiverse.etlify.runtime.sync;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.DigestStrategy;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.mapping.Freshness;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncRow;

/**
 * The checks every sync runs on a loaded record before any CRM call, inline or in batches: the guard,
 * pending sync dependencies, then the payload's digest against the one stored.
 */
@ApplicationScoped
class RecordPreparer {

    @Inject
    DigestStrategy digests;

    @Inject
    SyncDependencyGate dependencies;

    /**
     * What to do with a record.
     *
     * @param row its sync row, read only once the record passed the guard and its dependencies
     * @param force ignore the stored digest
     */
    Prepared prepare(Mapping mapping, Object entity, SyncKey key, Freshness freshness, Supplier<SyncRow> row,
            boolean force) {
        if (!mapping.accepts(entity)) {
            return Prepared.done(SyncResult.SKIPPED, freshness);
        }
        if (dependencies.mustWait(mapping, entity, key)) {
            return Prepared.done(SyncResult.BUFFERED, freshness);
        }
        Map<String, Object> payload = mapping.payload(entity);
        String digest = digests.digest(payload);
        SyncRow stored = row.get();
        if (!force && stored != null && digest.equals(stored.lastDigest())) {
            return Prepared.done(SyncResult.NOT_MODIFIED, freshness);
        }
        return new Prepared(null, payload, digest, freshness, stored == null ? null : stored.crmId(),
                stored != null && stored.createUnconfirmed());
    }

    /**
     * A prepared record: a result reached without the CRM, or what to send.
     *
     * @param result {@code null} when the record must be sent
     * @param createUnconfirmed an earlier create's answer was lost: look for what it wrote before writing
     */
    record Prepared(SyncResult result, Map<String, Object> payload, String digest, Freshness freshness, String crmId,
            boolean createUnconfirmed) {

        static Prepared done(SyncResult result, Freshness freshness) {
            return new Prepared(result, null, null, freshness, null, false);
        }

        /** The same record, to be written to the CRM record of that id. */
        Prepared withCrmId(String id) {
            return new Prepared(result, payload, digest, freshness, id, false);
        }

        /** Whether the sync row's time and freshness move without a CRM call: skipped by the guard, or unmodified. */
        boolean unchanged() {
            return result == SyncResult.SKIPPED || result == SyncResult.NOT_MODIFIED;
        }
    }
}
