package io.quarkiverse.etlify;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * What a batch sync did (the gem's {@code {total:, per_model:, errors:}}), per CRM and model;
 * disabled CRMs are not counted.
 *
 * @param perCrm the counts of each CRM synced, by CRM name, then by entity name
 * @param alreadyRunning CRMs skipped because a batch sync of theirs was already running, with who runs it
 *        (instance and run): one batch sync per CRM runs at a time across every instance
 */
public record BatchSyncStats(Map<String, Map<String, Counts>> perCrm, Map<String, String> alreadyRunning) {

    /**
     * The counts of one model in one CRM.
     *
     * @param records stale records processed (inline) or queued (async)
     * @param errors records whose sync failed (inline mode only)
     * @param deferred records the CRM could not take now, left stale for a later run (inline mode only)
     */
    public record Counts(long records, long errors, long deferred) {
    }

    /** Stale records processed (inline) or queued (async), over every CRM and model. */
    public long total() {
        return sum(Counts::records);
    }

    /** Records whose sync failed (inline mode only), over every CRM and model. */
    public long errors() {
        return sum(Counts::errors);
    }

    /** Records the CRM could not take now (inline mode only), over every CRM and model. */
    public long deferred() {
        return sum(Counts::deferred);
    }

    /** Stale records by entity name, summed over the CRMs (the gem's {@code per_model}). */
    public Map<String, Long> perModel() {
        Map<String, Long> perModel = new TreeMap<>();
        perCrm.values().forEach(models -> models.forEach((model, counts) -> perModel.merge(model, counts.records(), Long::sum)));
        return perModel;
    }

    private long sum(ToLongFunction<Counts> count) {
        return perCrm.values().stream().flatMap(models -> models.values().stream()).mapToLong(count).sum();
    }
}
