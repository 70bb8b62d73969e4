package io.quarkiverse.etlify;

/** What deleting an {@link Etlified} entity through Hibernate does to its CRM record ({@link Etlified#onDelete()}). */
public enum OnDelete {

    /** The CRM record stays, and so does the record's sync row (the gem's behaviour). */
    KEEP,

    /**
     * The deleting transaction queues a durable delete of the CRM record, by the CRM id kept in the record's sync
     * row; the queue's workers perform it after commit, with the retries, rate limit and error accounting of syncs,
     * and remove the sync row once the CRM confirmed (a CRM that no longer knows the record counts as confirming).
     */
    DELETE
}
