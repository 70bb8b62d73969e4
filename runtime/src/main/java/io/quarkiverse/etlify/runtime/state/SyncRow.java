package io.quarkiverse.etlify.runtime.state;

/**
 * What the engine reads back from a sync row.
 *
 * @param createUnconfirmed a create of the record was sent and its answer lost: the CRM may hold it
 */
public record SyncRow(String crmId, String lastDigest, int errorCount, boolean createUnconfirmed) {
}
