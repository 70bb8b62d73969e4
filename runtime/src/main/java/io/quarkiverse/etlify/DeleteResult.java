package io.quarkiverse.etlify;

/** Outcome of deleting one record from one CRM. */
public enum DeleteResult {
    /** The CRM record was deleted (or was already gone). */
    DELETED,
    /** No CRM id is known for the record: nothing to delete. */
    NOOP,
    /** The CRM is disabled: nothing was called or written. */
    DISABLED
}
