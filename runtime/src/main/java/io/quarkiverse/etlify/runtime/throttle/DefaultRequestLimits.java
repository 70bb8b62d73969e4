package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;
import java.util.Optional;

/**
 * A CRM's documented request limit, applied when {@code rate-limit.max-requests} is not set (e.g. Airtable's
 * 5 requests per second per base). Implemented as beans by the adapters that know one.
 */
public interface DefaultRequestLimits {

    /** The limit of the named CRM when its configuration sets none, or empty when this bean knows none. */
    Optional<Limit> forCrm(String crmName);

    /**
     * @param maxRequests requests allowed per period
     * @param period the period
     */
    record Limit(int maxRequests, Duration period) {
    }
}
