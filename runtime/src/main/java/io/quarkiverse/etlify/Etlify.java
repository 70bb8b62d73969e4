package io.quarkiverse.etlify;

import java.util.Set;

/**
 * Entry point of Etlify, injectable anywhere: {@code @Inject Etlify etlify}.
 */
public interface Etlify {

    /**
     * Requests a sync of the entity with every CRM it is mapped to; the sync happens after the
     * caller's transaction commits (never inside it, nothing if it rolls back).
     *
     * @return {@code true} when every CRM accepted the request (or is disabled), {@code false} when
     *         a guard rejected the record for at least one CRM
     */
    boolean sync(Object entity);

    /**
     * Operations on one CRM.
     *
     * @throws IllegalArgumentException if no CRM of that name is configured
     */
    CrmOperations crm(String name);

    /**
     * Finds the stale records (no sync row, or changed since their last payload) of the chosen CRMs and
     * models and syncs them inline or queues them for the workers. Disabled CRMs are skipped.
     */
    BatchSyncStats batchSync(BatchSync options);

    /** Whether the CRM is enabled; {@code true} for an unknown name, as in the gem. */
    boolean isEnabled(String name);

    /** Names of the configured CRMs. */
    Set<String> crmNames();
}
