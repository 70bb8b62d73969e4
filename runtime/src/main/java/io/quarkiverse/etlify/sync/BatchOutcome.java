package io.quarkiverse.etlify.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.etlify.SyncResult;

/**
 * What a batch sync did, record by record ({@code resource_id} -> result). Records held back by a
 * CRM rate limit are {@code deferred}: not synced, not counted as errors.
 */
public final class BatchOutcome {

    private final Map<String, SyncResult> results = new LinkedHashMap<>();
    private final Set<String> deferred = new java.util.LinkedHashSet<>();

    void put(String resourceId, SyncResult result) {
        results.put(resourceId, result);
    }

    void defer(String resourceId) {
        deferred.add(resourceId);
    }

    /** Result of every record that was processed. */
    public Map<String, SyncResult> results() {
        return results;
    }

    /** Records left for later because of a CRM rate limit. */
    public Set<String> deferred() {
        return deferred;
    }

    public long count(SyncResult result) {
        return results.values().stream().filter(result::equals).count();
    }

    static BatchOutcome disabled(Iterable<String> resourceIds) {
        BatchOutcome outcome = new BatchOutcome();
        resourceIds.forEach(id -> outcome.put(id, SyncResult.DISABLED));
        return outcome;
    }
}
