package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.adapter.CrmAmbiguousWriteException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmUnavailableException;
import io.quarkiverse.etlify.runtime.metrics.EtlifyMetrics;
import io.quarkiverse.etlify.runtime.state.CrmHoldStore.Hold;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Everything one request to a CRM goes through, in this order:
 * <ol>
 * <li>fail fast while the CRM is held, for every instance ({@link CrmHolds}): paused until its quota
 * resets ({@link CrmRateLimitedException}, scope {@code DAILY_QUOTA}), or for a while after it
 * refused the credentials ({@link CrmUnavailableException}, then one request finds out whether
 * valid credentials are back);</li>
 * <li>a circuit breaker counting calls that still fail after their retries, and fail fast with
 * {@link CrmUnavailableException} while it is open;</li>
 * <li>retries of transient failures ({@link CrmException#isTransient()}: 5xx, I/O errors, timeouts)
 * with exponential backoff and jitter (SmallRye Fault Tolerance: one {@link Guard} each, built from
 * the CRM's configuration);</li>
 * <li>a permit from the CRM's {@link RequestThrottle}, for the first attempt and each retry;</li>
 * <li>on a 429 answer ({@link CrmRateLimitedException}, translated by the adapter): a
 * {@code SHORT_WINDOW} holds every request of the CRM for the wait the CRM asked for and retries,
 * without counting it as a failed attempt; a {@code DAILY_QUOTA} pauses the CRM until the wait has
 * passed.</li>
 * </ol>
 * Nothing here knows a particular CRM: adapters say what kind of limit was hit and how long to wait.
 * Obtain it from {@link CrmGuards}; custom adapters sending several HTTP requests per call can run
 * each one through {@link #call(Supplier)} and implement {@link io.quarkiverse.etlify.adapter.GuardedPerRequest}.
 */
public final class CrmCallGuard {

    static final String PAUSED = "PAUSED";
    static final String UNAUTHORIZED = "UNAUTHORIZED";
    private static final String CIRCUIT_OPEN = "CIRCUIT_BREAKER_OPEN";
    // when a CRM answers 429 without saying how long to wait
    private static final Duration SHORT_WAIT = Duration.ofSeconds(1);
    private static final Duration QUOTA_WAIT = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(CrmCallGuard.class);

    private final String crmName;
    private final RequestThrottle throttle;
    private final Guard breaker;
    private final Guard retry;
    private final CircuitWatch circuit;
    private final CrmHolds holds;
    private final Duration maxWait;
    private final Duration unauthorizedPause;

    CrmCallGuard(String crmName, RequestThrottle throttle, Guard breaker, Guard retry, CircuitWatch circuit,
            CrmHolds holds, Duration maxWait, Duration unauthorizedPause) {
        this.crmName = crmName;
        this.throttle = throttle;
        this.breaker = breaker;
        this.retry = retry;
        this.circuit = circuit;
        this.holds = holds;
        this.maxWait = maxWait;
        this.unauthorizedPause = unauthorizedPause;
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
     * @throws CrmException the request's own failure once retries are exhausted or not applicable; a
     *         {@link CrmRateLimitedException} with scope {@code DAILY_QUOTA} while the CRM is paused; a
     *         {@link CrmUnavailableException} while its circuit breaker is open or after it refused the
     *         credentials
     */
    public <T> T call(Supplier<T> request) {
        return call("request", request);
    }

    /**
     * Sends one request through the guard, as {@link #call(Supplier)} does, naming what it is for
     * metrics (e.g. {@code batch-upsert}; a few fixed names, never ids).
     */
    public <T> T call(String operation, Supplier<T> request) {
        failIfHeld();
        Supplier<T> retried = retry == null ? () -> attempt(operation, request)
                : () -> retry.get(() -> attempt(operation, request), anyType());
        if (breaker == null) {
            return retried.get();
        }
        try {
            return breaker.get(retried::get, anyType());
        } catch (CircuitBreakerOpenException e) {
            Duration left = circuit.remaining();
            throw new CrmUnavailableException("CRM " + crmName + " keeps failing: its circuit breaker is open, no request"
                    + " is sent for the next " + left.toMillis() + " ms", CIRCUIT_OPEN, left);
        }
    }

    /** Whether the CRM can be called now, and if not why and until when. */
    public CrmState state() {
        Optional<Hold> hold = activeHold();
        if (hold.isPresent()) {
            Hold h = hold.get();
            return new CrmState(PAUSED.equals(h.reason()) ? CrmState.Condition.PAUSED : CrmState.Condition.UNAUTHORIZED,
                    h.since(), h.until(), h.message());
        }
        Instant openedAt = circuit.openedAt();
        if (openedAt != null) {
            return new CrmState(CrmState.Condition.CIRCUIT_OPEN, openedAt, Instant.now().plus(circuit.remaining()),
                    "calls kept failing after their retries");
        }
        return CrmState.ok();
    }

    /** Until when the CRM is paused because its daily request limit was reached, if it is. */
    public Optional<Instant> pausedUntil() {
        return activeHold().filter(hold -> PAUSED.equals(hold.reason())).map(Hold::until);
    }

    /** Whether calls currently fail fast because the CRM's daily request limit was reached. */
    public boolean isPaused() {
        return pausedUntil().isPresent();
    }

    /** Holds the CRM's requests on every instance until {@code until}, as a reached daily limit does. */
    public void pause(Instant until, String why) {
        holds.hold(PAUSED, until, why);
        LOG.warnf("CRM %s paused until %s: %s", crmName, until, why);
    }

    /** Lifts a pause or an unauthorized hold early, on every instance (e.g. once the limit was raised). */
    public void resume() {
        holds.release(null);
    }

    private <T> T attempt(String operation, Supplier<T> request) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            failIfHeld();
            T result;
            try (RequestThrottle.Permit permit = throttle.acquire()) {
                result = measured(operation, request);
            } catch (CrmRateLimitedException e) {
                if (e.scope() == CrmRateLimitedException.Scope.DAILY_QUOTA) {
                    pause(e);
                    throw e;
                }
                Duration wait = waitAfter(e);
                if (System.nanoTime() + wait.toNanos() - deadline > 0) {
                    LOG.warnf("CRM %s kept answering 429 (%s) for longer than rate-limit.max-wait (%d ms): giving up",
                            crmName, e.getMessage(), maxWait.toMillis());
                    throw e;
                }
                LOG.debugf("CRM %s answered 429 (%s): holding its requests for %d ms, then retrying", crmName,
                        e.getMessage(), wait.toMillis());
                throttle.holdFor(wait);
                continue;
            } catch (CrmUnauthorizedException e) {
                Instant until = Instant.now().plus(unauthorizedPause);
                holds.hold(UNAUTHORIZED, until, e.getMessage());
                LOG.warnf("CRM %s refused the credentials: its requests are held until %s, then one is tried again",
                        crmName, until);
                throw e;
            }
            if (holds.current().filter(hold -> UNAUTHORIZED.equals(hold.reason())).isPresent()) {
                holds.release(UNAUTHORIZED);
                LOG.infof("CRM %s accepts the credentials again", crmName);
            }
            return result;
        }
    }

    private <T> T measured(String operation, Supplier<T> request) {
        String outcome = EtlifyMetrics.SUCCESS;
        try {
            return request.get();
        } catch (CrmRateLimitedException e) {
            outcome = e.scope() == CrmRateLimitedException.Scope.DAILY_QUOTA ? EtlifyMetrics.DAILY_LIMIT
                    : EtlifyMetrics.RATE_LIMITED;
            throw e;
        } catch (CrmUnauthorizedException e) {
            outcome = EtlifyMetrics.UNAUTHORIZED;
            throw e;
        } catch (CrmException e) {
            outcome = e.isTransient() ? EtlifyMetrics.TRANSIENT_ERROR : EtlifyMetrics.REJECTED;
            throw e;
        } catch (RuntimeException e) {
            outcome = EtlifyMetrics.REJECTED;
            throw e;
        } finally {
            throttle.metrics.recordRequest(crmName, operation, outcome);
        }
    }

    private Optional<Hold> activeHold() {
        Instant now = Instant.now();
        return holds.current().filter(hold -> now.isBefore(hold.until()));
    }

    private void failIfHeld() {
        Optional<Hold> hold = activeHold();
        if (hold.isEmpty()) {
            return;
        }
        Duration left = Duration.between(Instant.now(), hold.get().until());
        if (PAUSED.equals(hold.get().reason())) {
            throw new CrmRateLimitedException("CRM " + crmName + " reached its request quota: paused until "
                    + hold.get().until() + " (" + hold.get().message() + ")", null, null, left,
                    CrmRateLimitedException.Scope.DAILY_QUOTA, null);
        }
        throw new CrmUnavailableException("CRM " + crmName + " refused the credentials since " + hold.get().since()
                + ": no request is sent until " + hold.get().until() + " (" + hold.get().message() + ")", UNAUTHORIZED,
                left);
    }

    private void pause(CrmRateLimitedException e) {
        Instant until = Instant.now().plus(asked(e, QUOTA_WAIT));
        holds.hold(PAUSED, until, e.getMessage());
        LOG.warnf("CRM %s reached its request quota: its calls fail fast on every instance until %s", crmName, until);
    }

    /** The wait the CRM asked for, or a second. */
    private static Duration waitAfter(CrmRateLimitedException e) {
        return asked(e, SHORT_WAIT);
    }

    private static Duration asked(CrmRateLimitedException e, Duration otherwise) {
        Duration asked = e.retryAfter();
        return asked != null && !asked.isNegative() && !asked.isZero() ? asked : otherwise;
    }

    /** Failures worth retrying and counted by the circuit breaker; 429s are handled by {@link #attempt}. */
    static boolean isTransientFailure(Throwable failure) {
        return failure instanceof CrmException crm && crm.isTransient() && !(failure instanceof CrmRateLimitedException)
                && !Thread.currentThread().isInterrupted();
    }

    /**
     * Calls the circuit breaker counts as failed: transient failures that outlived their retries, and
     * creates whose answer was lost (the CRM failed them, but they are not retried).
     */
    static boolean isCrmFailure(Throwable failure) {
        return isTransientFailure(failure) || failure instanceof CrmAmbiguousWriteException;
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> anyType() {
        // synchronous calls of any result type: SmallRye only looks at the type to detect async ones
        return (Class<T>) Object.class;
    }
}
