package io.quarkiverse.etlify;

import java.util.Map;

/**
 * What a batch sync did (the gem's {@code {total:, per_model:, errors:}}); disabled CRMs are not counted.
 *
 * @param total stale records processed (inline) or queued (async)
 * @param perModel the same, by entity name
 * @param errors records whose sync failed (inline mode only)
 * @param deferred records the CRM could not take now, left stale for a later run (inline mode only)
 * @param alreadyRunning CRMs skipped because a batch sync of theirs was already running, with who runs it
 *        (instance and run): one batch sync per CRM runs at a time across every instance
 */
public record BatchSyncStats(long total, Map<String, Long> perModel, long errors, long deferred,
        Map<String, String> alreadyRunning) {
}
