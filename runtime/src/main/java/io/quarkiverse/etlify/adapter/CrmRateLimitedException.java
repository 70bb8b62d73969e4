package io.quarkiverse.etlify.adapter;

import java.time.Duration;

/**
 * The CRM refused the call because a rate limit was reached (HTTP 429). Adapters translate their CRM's
 * answer into a neutral {@link Scope} and the wait it asked for; the engine decides from those alone.
 */
public class CrmRateLimitedException extends CrmException {

    /** What kind of limit was reached, as far as the engine is concerned. */
    public enum Scope {
        /**
         * A limit over a short window (seconds): every request of the CRM is held for {@link #retryAfter()},
         * then retried, for up to {@code rate-limit.max-wait}.
         */
        SHORT_WINDOW,
        /**
         * A quota for a long period (e.g. a day): the CRM is paused, on every instance, until
         * {@link #retryAfter()} has passed.
         */
        DAILY_QUOTA
    }

    private final Duration retryAfter;
    private final Scope scope;
    private final String policy;

    /**
     * @param retryAfter how long the CRM asked to wait ({@code null} when it did not say: a short window
     *        is then waited for a second, a quota for an hour)
     * @param scope the kind of limit
     * @param policy the CRM's own name of the limit, for messages only (e.g. HubSpot's
     *        {@code TEN_SECONDLY_ROLLING}); may be {@code null}
     */
    public CrmRateLimitedException(String message, String category, String correlationId, Duration retryAfter,
            Scope scope, String policy) {
        super(message, 429, category, correlationId, null, null);
        this.retryAfter = retryAfter;
        this.scope = scope;
        this.policy = policy;
    }

    /** How long the CRM asked to wait before the next call, {@code null} when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The kind of limit that was reached. */
    public Scope scope() {
        return scope;
    }

    /** The CRM's own name of the limit (e.g. HubSpot's {@code DAILY}), for messages; may be {@code null}. */
    public String policy() {
        return policy;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
