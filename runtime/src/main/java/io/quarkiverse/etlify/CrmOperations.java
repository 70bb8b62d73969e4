package io.quarkiverse.etlify;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Operations on one CRM, obtained with {@link Etlify#crm(String)}. On a disabled CRM nothing reaches
 * the adapter and nothing is written to {@code crm_synchronisations}: each operation returns the gem's
 * values (or reads what is stored).
 */
public interface CrmOperations {

    /** The CRM name. */
    String name();

    /** Whether the CRM is enabled ({@code quarkus.etlify.crm."name".enabled}). */
    boolean isEnabled();

    /**
     * Requests a sync through the mapping's {@link SyncDispatcher}; by default it runs after the
     * caller's transaction commits.
     *
     * @return {@code true} when dispatched (or the CRM is disabled), {@code false} when the guard rejects the record
     */
    boolean sync(Object entity);

    /**
     * Syncs now and returns the outcome. Runs in its own transaction on committed data and never
     * holds a transaction open across the CRM call: calling it inside an active transaction is
     * rejected with an {@link IllegalStateException} (use {@link #sync(Object)} there).
     */
    SyncResult syncNow(Object entity);

    /** {@link #syncNow(Object)} by entity class and id, e.g. from a custom {@link SyncDispatcher}. */
    SyncResult syncNow(Class<?> entityType, Object id);

    /** Like {@link #syncNow(Object)} but ignores the stored digest: the CRM is called even if nothing changed. */
    SyncResult forceSyncNow(Object entity);

    /**
     * Deletes the record from the CRM when its CRM id is known, then forgets the CRM id and digest so
     * a later sync creates the record again.
     *
     * @throws io.quarkiverse.etlify.adapter.CrmException when the CRM refuses (a 404 counts as deleted)
     */
    DeleteResult delete(Object entity);

    /**
     * Whether the CRM takes requests now, and if not why and until when: paused (daily limit, or
     * {@link #pause}), unauthorized (refused credentials), circuit open (calls kept failing) or disabled.
     * Pauses and unauthorized holds are shared by every instance and survive restarts.
     */
    CrmState state();

    /**
     * Holds every request to the CRM, on every instance, for that long: syncs are deferred (not
     * counted as errors) and sent once the pause ends or {@link #resume()} is called. Does nothing on a
     * disabled CRM.
     *
     * @param why shown by {@link #state()} as the reason
     */
    void pause(Duration duration, String why);

    /**
     * Lifts a pause (daily limit or {@link #pause}) or an unauthorized hold early, on every instance,
     * e.g. once the limit was raised or the token replaced.
     */
    void resume();

    /** The record's sync state in this CRM, empty when it was never synced nor requested. */
    Optional<RecordSyncState> syncState(Object entity);

    /** {@link #syncState(Object)} by entity class and id. */
    Optional<RecordSyncState> syncState(Class<?> entityType, Object id);

    /**
     * Clears the record's error count and last error (the gem's {@code reset_error_count!}), so that
     * batch syncs take a record that reached {@code max-sync-errors} again.
     *
     * @return whether the record had errors
     */
    boolean resetErrorCount(Object entity);

    /**
     * Clears the error count and last error of every record of the model in this CRM.
     *
     * @return how many records had errors
     */
    long resetErrorCounts(Class<?> entityType);

    /**
     * Clears the error count and last error of every record in this CRM.
     *
     * @return how many records had errors
     */
    long resetErrorCounts();

    /**
     * Counts the model's stale records in this CRM: never synced, or changed (the record or a sync
     * dependency) since their last sync, leaving out those at {@code max-sync-errors}; what the next
     * batch sync would take. 0 on a disabled CRM.
     */
    long countStale(Class<?> entityType);

    /** The payload the serializer builds for the entity (the gem's {@code hubspot_build_payload}). */
    Map<String, Object> payload(Object entity);
}
