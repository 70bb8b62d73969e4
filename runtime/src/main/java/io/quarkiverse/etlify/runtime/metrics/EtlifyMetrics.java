package io.quarkiverse.etlify.runtime.metrics;

import java.time.Duration;
import java.util.Collection;

import io.quarkiverse.etlify.SyncResult;

/**
 * Where the engine reports what it did, for metrics. Without Micrometer in the application the
 * implementation does nothing ({@link NoEtlifyMetrics}), and nothing of the engine loads a Micrometer class.
 */
public interface EtlifyMetrics {

    /** Reports nothing: for code built outside CDI (tests, tools). */
    EtlifyMetrics NONE = new NoEtlifyMetrics();

    /** Outcome of a request that reached the CRM. */
    String SUCCESS = "success";
    /** The CRM answered 429 for its short window: the request is sent again after the wait it asked for. */
    String RATE_LIMITED = "rate-limited";
    /** The CRM answered that its daily limit is reached: the CRM is paused. */
    String DAILY_LIMIT = "daily-limit";
    /** The CRM refused the credentials. */
    String UNAUTHORIZED = "unauthorized";
    /** A failure worth retrying: 5xx, I/O error, timeout. */
    String TRANSIENT_ERROR = "transient-error";
    /** A failure of this request alone, not retried: validation, not found, ambiguous create. */
    String REJECTED = "rejected";

    /** One record synced inline (or its sync deferred or failed), and how long it took. */
    void recordSync(String crm, String model, SyncResult result, Duration took);

    /** One batch of records synced (batch sync or durable queue), and how long the whole batch took. */
    void recordBatch(String crm, String model, Collection<SyncResult> results, Duration took);

    /** One request sent to a CRM (every attempt, retries included), by what it was and how it ended. */
    void recordRequest(String crm, String operation, String outcome);

    /** How long a request waited for the CRM's rate limit before it could be sent. */
    void recordThrottleWait(String crm, Duration waited);
}
