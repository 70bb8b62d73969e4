package io.quarkiverse.etlify;

/** Outcome of syncing one record with one CRM. */
public enum SyncResult {
    /** The CRM was called and now holds the record's current payload. */
    SYNCED,
    /** The payload equals the last one synced: no CRM call was made. */
    NOT_MODIFIED,
    /** The record's guard ({@code syncIf}) rejected it, or the record no longer exists. */
    SKIPPED,
    /** A sync dependency has no CRM id yet: the sync waits for it. */
    BUFFERED,
    /** The CRM is disabled: nothing was called or written. */
    DISABLED,
    /**
     * The CRM could not take the record now (unreachable, server errors after retries, rate or daily
     * limit, refused credentials, open circuit breaker): not counted toward {@code max-sync-errors};
     * the reason is stored on the sync row and the record is retried once the CRM is usable again.
     */
    DEFERRED,
    /**
     * The record's own sync failed (the CRM rejected its data, its serializer or guard threw): counted
     * toward {@code max-sync-errors}; the error is stored on the sync row.
     */
    ERROR
}
