package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;
import java.time.Instant;

import io.smallrye.faulttolerance.api.CircuitBreakerState;

/** When a CRM's circuit breaker opened, fed by its state changes, to show and time the wait. */
final class CircuitWatch {

    private final Duration delay;
    private volatile Instant openedAt;

    CircuitWatch(Duration delay) {
        this.delay = delay;
    }

    void changed(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAt = Instant.now();
        } else if (state == CircuitBreakerState.CLOSED) {
            openedAt = null;
        }
    }

    /** When the circuit opened, {@code null} when it is closed. */
    Instant openedAt() {
        return openedAt;
    }

    /** How long until the open circuit lets a trial call through (the whole delay when unknown). */
    Duration remaining() {
        Instant opened = openedAt;
        if (opened == null) {
            return delay;
        }
        Duration left = Duration.between(Instant.now(), opened.plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
