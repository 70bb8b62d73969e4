package io.quarkiverse.etlify.runtime.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkiverse.etlify.SyncResult;

/**
 * What a batch sync did, record by record ({@code resource_id} -> result). Records the CRM could not
 * take (outage, rate or daily limit, refused credentials, open circuit) or that another call was
 * syncing are {@code deferred}: not synced, not counted as errors.
 */
public final class BatchOutcome {

    private final Map<String, SyncResult> results = new LinkedHashMap<>();
    private final Set<String> deferred = new LinkedHashSet<>();
    private Duration retryAfter;

    void put(String resourceId, SyncResult result) {
        results.put(resourceId, result);
    }

    synchronized void defer(String resourceId, Duration crmRetryAfter) {
        deferred.add(resourceId);
        if (crmRetryAfter != null && (retryAfter == null || crmRetryAfter.compareTo(retryAfter) > 0)) {
            retryAfter = crmRetryAfter;
        }
    }

    /** Result of every record that was processed. */
    public Map<String, SyncResult> results() {
        return results;
    }

    /** Records left for later, not counted as errors. */
    public Set<String> deferred() {
        return deferred;
    }

    /** The longest wait the CRM asked for before the deferred records are tried again, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Every record's result, the deferred ones' {@link SyncResult#DEFERRED}. */
    public List<SyncResult> withDeferred() {
        List<SyncResult> all = new ArrayList<>(results.values());
        deferred.forEach(resourceId -> all.add(SyncResult.DEFERRED));
        return all;
    }

    public long count(SyncResult result) {
        return results.values().stream().filter(result::equals).count();
    }
}
