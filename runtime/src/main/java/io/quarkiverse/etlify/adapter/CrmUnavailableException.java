package io.quarkiverse.etlify.adapter;

import java.time.Duration;

/**
 * No request was sent because the CRM is known to be unusable for now (its circuit breaker is open
 * after repeated failures, or its credentials were refused moments ago): the records are deferred,
 * not counted as errors.
 */
public class CrmUnavailableException extends CrmException {

    private final Duration retryAfter;

    public CrmUnavailableException(String message, String category, Duration retryAfter) {
        super(message, 0, category, null, null, null);
        this.retryAfter = retryAfter;
    }

    /** How long until the CRM is tried again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
