package io.quarkiverse.etlify.adapter;

import java.util.function.Supplier;

/**
 * Runs an adapter's requests through their CRM's rate limit, retries and circuit breaker, for
 * adapters that guard each HTTP request themselves ({@link GuardedPerRequest}). Inject it:
 * {@code @Inject CrmRequestGuards guards}.
 */
public interface CrmRequestGuards {

    /**
     * Sends one request to the CRM of that name once its rate limit allows, retrying transient
     * failures ({@link CrmException#isTransient()}) and waiting out 429s as the CRM asks.
     *
     * @param crmName the configured CRM the request goes to
     * @param request sends the request; throws a {@link CrmException} describing a failure
     * @return what the request returned
     * @throws CrmException the request's own failure once retries are exhausted or not applicable; a
     *         {@link CrmRateLimitedException} while the CRM is paused; a {@link CrmUnavailableException}
     *         while its circuit breaker is open or after it refused the credentials
     */
    <T> T call(String crmName, Supplier<T> request);
}
