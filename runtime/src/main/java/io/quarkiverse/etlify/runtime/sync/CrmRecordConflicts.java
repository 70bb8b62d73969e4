package io.quarkiverse.etlify.runtime.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.state.CrmRecordOwners;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.runtime.state.SyncStateStore.RowValues;

/**
 * Two records that land on one CRM record (e.g. two e-mails differing only in case, which HubSpot matches as
 * one contact): the CRM id a sync returned is held by another record of the same CRM and object type. The
 * later record fails instead of storing it, counted like any failure of its own and naming the holder in
 * {@code last_error}, so that the two never overwrite each other's data in the CRM unnoticed; the holder's
 * data, which the refused record's call overwrote, is written back. Two syncs storing
 * one id at once meet on the unique index {@code idx_crm_sync_on_crm_record}; the one refused writes again and
 * then sees the holder.
 */
@ApplicationScoped
class CrmRecordConflicts {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INDEX = "idx_crm_sync_on_crm_record";

    @Inject
    MappingRegistry mappings;

    @Inject
    CrmRecordOwners owners;

    @Inject
    SyncStateStore store;

    @Inject
    SyncRequestRouter requests;

    private final Map<Mapping, List<String>> holderTypes = new ConcurrentHashMap<>();

    /** A synced record refused the CRM id it got, which {@code holder} holds. */
    record Conflict(SyncKey key, SyncKey holder, String error) {
    }

    /**
     * Within a transaction: the synced rows of a mapping whose CRM id another record holds. Records of every model
     * mapped to the same object type of the CRM count; the record that stored the id first keeps it and, among
     * rows given the same new id, the first in key order.
     */
    List<Conflict> find(Mapping mapping, List<RowValues> synced) {
        if (synced.isEmpty()) {
            return List.of();
        }
        List<String> types = holderTypes(mapping);
        Map<String, List<SyncKey>> stored = owners.holders(mapping.crm(), types,
                synced.stream().map(RowValues::crmId).distinct().toList());
        Map<String, SyncKey> firstInBatch = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (RowValues row : synced.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList()) {
            List<SyncKey> holders = stored.getOrDefault(row.crmId(), List.of());
            SyncKey holder = holders.isEmpty() ? firstInBatch.putIfAbsent(row.crmId(), row.key()) : holders.get(0);
            if (holder != null && !holder.equals(row.key())) {
                conflicts.add(new Conflict(row.key(), holder, mapping.crm() + " " + mapping.objectType() + " record "
                        + row.crmId() + " already belongs to " + holder.resourceType() + " " + holder.resourceId()
                        + ": two records cannot share one CRM record"));
            }
        }
        return conflicts;
    }

    /** The resource types whose records may hold a CRM id of this mapping's: those of its CRM's object type. */
    List<String> holderTypes(Mapping mapping) {
        return holderTypes.computeIfAbsent(mapping, m -> mappings.mappingsOf(m.crm()).stream()
                .filter(other -> other.objectType().equals(m.objectType())).map(Mapping::resourceType)
                .distinct().toList());
    }

    /**
     * Within the transaction writing the synced rows, after them: the refused records' failures (counted, the CRM
     * id they may hold forgotten); and since each refused record's call wrote its payload into its holder's CRM
     * record, each holder's digest is forgotten and its sync requested, so that its own data is written back.
     */
    void refuse(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        FailedRows rows = new FailedRows();
        conflicts.forEach(conflict -> rows.addTaken(conflict.key(), conflict.error()));
        rows.write(store);
        List<SyncKey> holders = conflicts.stream().map(Conflict::holder).distinct().toList();
        store.forgetDigests(holders);
        requests.request(holders);
    }

    /**
     * Runs a transaction storing CRM ids again when another one stored one of them first, meanwhile (or when the
     * database picked it as a deadlock's victim, see {@link Transactions#retrying}).
     */
    static <T> T retryingWhenTaken(Supplier<T> write) {
        return Transactions.retrying(CrmRecordConflicts::isTaken, write);
    }

    private static boolean isTaken(Throwable failure) {
        return Transactions.anySqlCause(failure, sql -> UNIQUE_VIOLATION.equals(sql.getSQLState())
                && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(INDEX));
    }
}
