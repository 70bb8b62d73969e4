package io.quarkiverse.etlify.runtime.sync;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.runtime.state.SyncStateStore.RowValues;

/**
 * The sync-row writes that failed CRM calls need, inline or in batches: a failure of the record counts
 * toward its {@code max-sync-errors}; a failure of the CRM is stored uncounted, and a create whose answer
 * was lost is marked so that its next sync looks for what it wrote; a record whose sync landed on another
 * record's CRM record is counted and loses the CRM id it may hold.
 */
final class FailedRows {

    private final List<RowValues> counted = new ArrayList<>();
    private final List<RowValues> deferred = new ArrayList<>();
    private final List<RowValues> unconfirmed = new ArrayList<>();
    private final List<RowValues> taken = new ArrayList<>();

    /**
     * Adds the write a record's failure needs.
     *
     * @param error the failure as {@code last_error} stores it
     * @return whether it counts against the record ({@code false}: the record is deferred)
     */
    boolean add(SyncKey key, Throwable failure, String error) {
        if (Failures.isRecordSpecific(failure)) {
            counted.add(RowValues.failed(key, error));
            return true;
        }
        (Failures.isUnconfirmedCreate(failure) ? unconfirmed : deferred).add(RowValues.deferred(key, error));
        return false;
    }

    /**
     * Adds the write of a record whose sync landed on a CRM record another record holds: counted, and the CRM
     * id and digest it may hold forgotten.
     *
     * @param error names the holder
     */
    void addTaken(SyncKey key, String error) {
        taken.add(RowValues.failed(key, error));
    }

    /** Writes them, in the current transaction. */
    void write(SyncStateStore store) {
        store.markFailedAll(counted);
        store.markCrmRecordTakenAll(taken);
        store.markDeferredAll(deferred);
        store.markCreateUnconfirmedAll(unconfirmed);
    }
}
