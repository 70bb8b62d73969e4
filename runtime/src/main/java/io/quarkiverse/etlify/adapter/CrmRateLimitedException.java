package io.quarkiverse.etlify.adapter;

import java.time.Duration;

/** The CRM refused the call because a rate limit was reached (HTTP 429). */
public class CrmRateLimitedException extends CrmException {

    private final Duration retryAfter;
    private final String policy;

    public CrmRateLimitedException(String message, String category, String correlationId, Duration retryAfter,
            String policy) {
        super(message, 429, category, correlationId, null, null);
        this.retryAfter = retryAfter;
        this.policy = policy;
    }

    /** How long the CRM asked to wait before the next call. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The limit that was hit, e.g. HubSpot's {@code TEN_SECONDLY_ROLLING} or {@code DAILY}; may be {@code null}. */
    public String policy() {
        return policy;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
