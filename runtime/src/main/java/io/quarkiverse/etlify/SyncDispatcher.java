package io.quarkiverse.etlify;

/**
 * Receives the requests made by {@code sync(entity)} (the gem's {@code job_class}). The built-in
 * dispatcher runs the sync once the caller's transaction has committed; a CDI bean implementing
 * this interface and named by {@link Etlified#dispatcher()} can route requests to another queue
 * instead, and later perform them with {@code etlify.crm(request.crmName()).syncNow(request.entityType(), request.entityId())}.
 */
public interface SyncDispatcher {

    /** Takes charge of one sync request. Called in the caller's thread and transaction, if any. */
    void dispatch(SyncRequest request);
}
