package io.quarkiverse.etlify.state;

/** What the engine reads back from a sync row. */
public record SyncRow(String crmId, String lastDigest, int errorCount) {
}
