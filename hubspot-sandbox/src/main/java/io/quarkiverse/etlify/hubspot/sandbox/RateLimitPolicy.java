package io.quarkiverse.etlify.hubspot.sandbox;

import java.util.Locale;

/**
 * HubSpot's rate-limit policies, as named in the {@code policyName} of a 429 answer.
 */
public enum RateLimitPolicy {
    /** A per-second limit (also the policy of the search endpoints' own limit). */
    SECONDLY,
    /** The rolling burst limit (HubSpot: 100 to 190 requests per 10 seconds, depending on the account). */
    TEN_SECONDLY_ROLLING,
    /** The per-day limit. */
    DAILY;

    /** The lower-case form used in the 429 message, e.g. {@code ten_secondly_rolling}. */
    public String messageName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
