package io.quarkiverse.etlify.adapter.throttle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Everything one request to a CRM goes through, in this order:
 * <ol>
 * <li>fail fast with {@link CrmRateLimitedException} (policy {@code DAILY}) while the CRM is paused
 * because its daily limit was reached;</li>
 * <li>retries of transient failures ({@link CrmException#isTransient()}: 5xx, I/O errors, timeouts)
 * with exponential backoff and jitter, and a circuit breaker, through SmallRye Fault Tolerance
 * (one {@link Guard} per CRM, built from its configuration);</li>
 * <li>a permit from the CRM's {@link RequestThrottle}, for the first attempt and each retry;</li>
 * <li>on a 429 answer: {@code SECONDLY}/{@code TEN_SECONDLY_ROLLING} hold every request of the CRM
 * for the wait the CRM asked for (or the policy's window) and retry, without counting it as a
 * failed attempt; {@code DAILY} pauses the CRM until the limit resets.</li>
 * </ol>
 * Obtain it from {@link CrmGuards}; custom adapters sending several HTTP requests per call can run
 * each one through {@link #call(Supplier)} and implement {@link GuardedPerRequest}.
 */
public final class CrmCallGuard {

    /** HubSpot's name of the daily limit policy. */
    public static final String DAILY = "DAILY";

    private static final Logger LOG = Logger.getLogger(CrmCallGuard.class);
    private static final String CIRCUIT_OPEN = "CIRCUIT_BREAKER_OPEN";

    private final String crmName;
    private final RequestThrottle throttle;
    private final Guard guard;
    private final Duration maxWait;
    private final Duration circuitDelay;
    private volatile Instant pausedUntil;

    CrmCallGuard(String crmName, RequestThrottle throttle, Guard guard, Duration maxWait, Duration circuitDelay) {
        this.crmName = crmName;
        this.throttle = throttle;
        this.guard = guard;
        this.maxWait = maxWait;
        this.circuitDelay = circuitDelay;
    }

    /** The CRM this guard protects. */
    public String crmName() {
        return crmName;
    }

    /** The CRM's request limiter. */
    public RequestThrottle throttle() {
        return throttle;
    }

    /**
     * Sends one request through the guard.
     *
     * @param request sends the request; throws a {@link CrmException} describing a failure
     * @return what the request returned
     * @throws CrmException the request's own failure once retries are exhausted or not applicable;
     *         a {@link CrmRateLimitedException} with policy {@code DAILY} while the CRM is paused; a
     *         {@link CrmApiException} with category {@code CIRCUIT_BREAKER_OPEN} while the circuit
     *         breaker is open
     */
    public <T> T call(Supplier<T> request) {
        failIfPaused();
        if (guard == null) {
            return attempt(request);
        }
        try {
            return guard.get(() -> attempt(request), anyType());
        } catch (CircuitBreakerOpenException e) {
            throw new CrmApiException("CRM " + crmName + " keeps failing: its circuit breaker is open, no request is"
                    + " sent for " + circuitDelay.toMillis() + " ms after it opened", 0, CIRCUIT_OPEN, null, null);
        }
    }

    /** Until when the CRM is paused because its daily request limit was reached, if it is. */
    public Optional<Instant> pausedUntil() {
        Instant until = pausedUntil;
        return until != null && Instant.now().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    /** Whether calls currently fail fast because the CRM's daily request limit was reached. */
    public boolean isPaused() {
        return pausedUntil().isPresent();
    }

    /** Lifts a daily-limit pause early (e.g. once the limit was raised). */
    public void resume() {
        pausedUntil = null;
    }

    private <T> T attempt(Supplier<T> request) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            failIfPaused();
            try (RequestThrottle.Permit permit = throttle.acquire()) {
                return request.get();
            } catch (CrmRateLimitedException e) {
                if (DAILY.equalsIgnoreCase(e.policy())) {
                    pause(e.retryAfter());
                    throw e;
                }
                Duration wait = waitAfter(e);
                if (System.nanoTime() + wait.toNanos() - deadline > 0) {
                    LOG.warnf("CRM %s kept answering 429 (%s) for longer than rate-limit.max-wait (%d ms): giving up",
                            crmName, e.policy(), maxWait.toMillis());
                    throw e;
                }
                LOG.debugf("CRM %s answered 429 (%s): holding its requests for %d ms, then retrying", crmName,
                        e.policy(), wait.toMillis());
                throttle.holdFor(wait);
            }
        }
    }

    private void failIfPaused() {
        Instant until = pausedUntil;
        if (until != null) {
            Instant now = Instant.now();
            if (now.isBefore(until)) {
                throw new CrmRateLimitedException("CRM " + crmName + " reached its daily request limit: paused until "
                        + until, "RATE_LIMITS", null, Duration.between(now, until), DAILY);
            }
        }
    }

    private void pause(Duration retryAfter) {
        Instant now = Instant.now();
        Instant until = retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero() ? now.plus(retryAfter)
                : LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant current = pausedUntil;
        if (current == null || until.isAfter(current)) {
            pausedUntil = until;
        }
        LOG.warnf("CRM %s reached its daily request limit: its calls fail fast until %s", crmName, until);
    }

    /** The wait the CRM asked for, or the window of the policy that was hit. */
    private static Duration waitAfter(CrmRateLimitedException e) {
        Duration asked = e.retryAfter();
        if (asked != null && !asked.isNegative() && !asked.isZero()) {
            return asked;
        }
        return "TEN_SECONDLY_ROLLING".equalsIgnoreCase(e.policy()) ? Duration.ofSeconds(10) : Duration.ofSeconds(1);
    }

    /** Failures worth retrying and counted by the circuit breaker; 429s are handled by {@link #attempt}. */
    static boolean isTransientFailure(Throwable failure) {
        return failure instanceof CrmException crm && crm.isTransient() && !(failure instanceof CrmRateLimitedException)
                && !Thread.currentThread().isInterrupted();
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> anyType() {
        // synchronous calls of any result type: SmallRye only looks at the type to detect async ones
        return (Class<T>) Object.class;
    }
}
