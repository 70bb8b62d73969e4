package io.quarkiverse.etlify;

import java.util.Map;

/**
 * Operations on one CRM, obtained with {@link Etlify#crm(String)}. On a disabled CRM every
 * operation is a no-op returning the gem's values: no adapter call, no write to
 * {@code crm_synchronisations}.
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
     * Whether the CRM takes requests now, and if not why and until when: paused (daily limit),
     * unauthorized (refused credentials), circuit open (calls kept failing) or disabled. Pauses and
     * unauthorized holds are shared by every instance and survive restarts.
     */
    CrmState state();

    /** The payload the serializer builds for the entity (the gem's {@code hubspot_build_payload}). */
    Map<String, Object> payload(Object entity);
}
