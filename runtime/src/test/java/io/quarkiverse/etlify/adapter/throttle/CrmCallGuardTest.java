package io.quarkiverse.etlify.adapter.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmValidationException;

/** 429 handling and the daily pause (retries and circuit breaker come from SmallRye, tested in the application). */
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
        assertThat(failFast.policy()).isEqualTo("DAILY");
        assertThat(failFast.getMessage()).contains("crm", "daily request limit");
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

    private static CrmCallGuard guard(Duration maxWait) {
        return new CrmCallGuard("crm", new RequestThrottle("crm", null), null, maxWait, Duration.ofSeconds(30));
    }

    private static CrmRateLimitedException rateLimited(String policy, Duration retryAfter) {
        return new CrmRateLimitedException("429", "RATE_LIMITS", null, retryAfter, policy);
    }
}
