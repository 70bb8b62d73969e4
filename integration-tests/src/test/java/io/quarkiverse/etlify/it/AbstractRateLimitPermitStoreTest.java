package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore;

/**
 * The shared permit log, on every supported database (whose clocks it reads differently): grants within
 * the limit, and reports how many permits count in the window.
 */
abstract class AbstractRateLimitPermitStoreTest {

    @Inject
    RateLimitPermitStore store;

    @Test
    void grantsUpToTheLimitAndCountsThePermitsOfTheWindow() {
        String crm = "permit-count-" + System.nanoTime();
        Duration window = Duration.ofMinutes(1);

        RateLimitPermitStore.Acquired first = store.tryAcquire(crm, 3, window);
        RateLimitPermitStore.Acquired second = store.tryAcquire(crm, 3, window);
        store.done(second.permitId());
        RateLimitPermitStore.Acquired third = store.tryAcquire(crm, 3, window);
        RateLimitPermitStore.Acquired refused = store.tryAcquire(crm, 3, window);

        assertThat(first.granted()).isTrue();
        assertThat(first.counted()).isEqualTo(1);
        assertThat(second.counted()).isEqualTo(2);
        assertThat(third.granted()).isTrue();
        assertThat(third.counted()).as("a completed request still counts").isEqualTo(3);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.counted()).isEqualTo(3);
        assertThat(refused.retryIn()).isPositive().isLessThanOrEqualTo(window);
        assertThat(store.tryAcquire("another-" + crm, 3, window).counted()).as("per CRM").isEqualTo(1);
    }
}
