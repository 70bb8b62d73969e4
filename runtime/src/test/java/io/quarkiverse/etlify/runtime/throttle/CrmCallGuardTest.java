package io.quarkiverse.etlify.runtime.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmUnavailableException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.runtime.state.CrmHoldStore.Hold;

/**
 * 429 handling, the daily pause and the unauthorized hold (retries and circuit breaker come from SmallRye, tested in
 * the application).
 */
class CrmCallGuardTest {

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aShortLimit429WaitsWhatTheCrmAskedThenRetries() {
        CrmCallGuard guard = guard(Duration.ofSeconds(5));
        long start = System.nanoTime();

        String result = guard.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw rateLimited("TEN_SECONDLY_ROLLING", Duration.ofMillis(100));
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
    }

    @Test
    void waitingStopsAfterMaxWait() {
        CrmCallGuard guard = guard(Duration.ofMillis(250));

        CrmRateLimitedException error = catchThrowableOfType(CrmRateLimitedException.class, () -> guard.call(() -> {
            calls.incrementAndGet();
            throw rateLimited("SECONDLY", Duration.ofMillis(100));
        }));

        assertThat(error.policy()).isEqualTo("SECONDLY");
        assertThat(calls.get()).isBetween(2, 4);
    }

    @Test
    void theDailyLimitPausesTheCrmAndCallsFailFastUntilResumed() {
        CrmCallGuard guard = guard(Duration.ofSeconds(5));

        catchThrowableOfType(CrmRateLimitedException.class, () -> guard.call(() -> {
            calls.incrementAndGet();
            throw rateLimited("DAILY", Duration.ofHours(2));
        }));
        CrmRateLimitedException failFast = catchThrowableOfType(CrmRateLimitedException.class,
                () -> guard.call(() -> calls.incrementAndGet()));

        assertThat(calls).hasValue(1);
        assertThat(guard.isPaused()).isTrue();
        assertThat(guard.pausedUntil()).hasValueSatisfying(until -> assertThat(until)
                .isBetween(Instant.now().plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofHours(2))));
        assertThat(failFast.scope()).isEqualTo(CrmRateLimitedException.Scope.DAILY_QUOTA);
        assertThat(failFast.getMessage()).contains("crm", "request quota");
        assertThat(failFast.retryAfter()).isPositive();

        guard.resume();
        assertThat(guard.isPaused()).isFalse();
        assertThat(guard.call(() -> calls.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void otherFailuresPassThroughAndOnlyServerAndTransportFailuresAreTransient() {
        CrmCallGuard guard = guard(Duration.ofSeconds(5));
        CrmValidationException invalid = new CrmValidationException("bad", 400, "VALIDATION_ERROR", null, null);

        assertThat(catchThrowableOfType(CrmValidationException.class, () -> guard.call(() -> {
            throw invalid;
        }))).isSameAs(invalid);
        assertThat(CrmCallGuard.isTransientFailure(invalid)).isFalse();
        assertThat(CrmCallGuard.isTransientFailure(new CrmApiException("down", 503, null, null, null))).isTrue();
        assertThat(CrmCallGuard.isTransientFailure(new CrmTransportException("reset", null))).isTrue();
        assertThat(CrmCallGuard.isTransientFailure(rateLimited("SECONDLY", null))).as("handled by waiting").isFalse();
        assertThat(CrmCallGuard.isTransientFailure(new IllegalStateException())).isFalse();
    }

    @Test
    void refusedCredentialsHoldRequestsForTheUnauthorizedPauseThenOneFindsOutAndASuccessLiftsTheHold() {
        CrmCallGuard guard = guard(Duration.ofSeconds(5), Duration.ofMillis(300));
        CrmUnauthorizedException refused = new CrmUnauthorizedException("401", 401, "INVALID_AUTHENTICATION", null, null);

        assertThat(catchThrowableOfType(CrmUnauthorizedException.class, () -> guard.call(() -> {
            calls.incrementAndGet();
            throw refused;
        }))).isSameAs(refused);
        CrmUnavailableException held = catchThrowableOfType(CrmUnavailableException.class,
                () -> guard.call(() -> calls.incrementAndGet()));

        assertThat(calls).as("nothing sent while held").hasValue(1);
        assertThat(held.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));
        assertThat(guard.state().condition()).isEqualTo(CrmState.Condition.UNAUTHORIZED);
        assertThat(guard.state().reason()).isEqualTo("401");

        await().atMost(Duration.ofSeconds(2)).until(() -> guard.state().condition() == CrmState.Condition.OK);
        assertThat(guard.call(() -> calls.incrementAndGet())).isEqualTo(2);
        assertThat(holds.current()).as("lifted by the success").isEmpty();
    }

    private final MemoryHolds holds = new MemoryHolds();

    private CrmCallGuard guard(Duration maxWait) {
        return guard(maxWait, Duration.ofMinutes(1));
    }

    private CrmCallGuard guard(Duration maxWait, Duration unauthorizedPause) {
        return new CrmCallGuard("crm", new RequestThrottle("crm", null), null, null,
                new CircuitWatch(Duration.ofSeconds(30)), holds, maxWait, unauthorizedPause);
    }

    /** The holds of one CRM in memory, as the database keeps them for every instance. */
    private static final class MemoryHolds implements CrmHolds {

        private volatile Hold hold;

        @Override
        public Optional<Hold> current() {
            return Optional.ofNullable(hold);
        }

        @Override
        public void hold(String reason, Instant until, String message) {
            Hold current = hold;
            hold = new Hold(reason, current != null && current.reason().equals(reason) ? current.since() : Instant.now(),
                    until, message);
        }

        @Override
        public void release(String reason) {
            if (reason == null || hold != null && hold.reason().equals(reason)) {
                hold = null;
            }
        }
    }

    private static CrmRateLimitedException rateLimited(String policy, Duration retryAfter) {
        return new CrmRateLimitedException("429", "RATE_LIMITS", null, retryAfter, "DAILY".equals(policy)
                ? CrmRateLimitedException.Scope.DAILY_QUOTA : CrmRateLimitedException.Scope.SHORT_WINDOW, policy);
    }
}
