package io.quarkiverse.etlify;

import java.time.Instant;

/**
 * What Etlify knows of one record's copy in one CRM (its row in {@code crm_synchronisations}), read
 * with {@link CrmOperations#syncState(Object)}.
 *
 * @param crmId the record's id in the CRM, {@code null} until it was created there
 * @param digestStored whether the digest of the last payload sent is kept (a sync with the same
 *        payload is then {@link SyncResult#NOT_MODIFIED})
 * @param lastSyncedAt when the CRM last took the record (or confirmed it unchanged), {@code null} if never
 * @param errorCount failed syncs since the last success; at {@code quarkus.etlify.crm."name".max-sync-errors}
 *        batch syncs leave the record out until the count is reset
 * @param lastError why the last sync failed, without secrets; {@code null} after a success
 */
public record RecordSyncState(String crmId, boolean digestStored, Instant lastSyncedAt, int errorCount,
        String lastError) {
}
