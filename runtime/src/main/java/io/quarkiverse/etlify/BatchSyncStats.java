package io.quarkiverse.etlify;

import java.util.Map;

/**
 * What a batch sync did (the gem's {@code {total:, per_model:, errors:}}); disabled CRMs are not counted.
 *
 * @param total stale records processed (inline) or queued (async)
 * @param perModel the same, by entity name
 * @param errors records whose sync failed (inline mode only)
 */
public record BatchSyncStats(long total, Map<String, Long> perModel, long errors) {
}
