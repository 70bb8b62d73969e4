package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore;
import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore.Acquired;
import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore.Ended;

/**
 * The shared permit log, on every supported database (whose clocks it reads differently): grants within
 * the limit, reports how many permits count in the window, restarts a permit's window at the end of its
 * request, and stays within the limit when many callers ask at once.
 */
abstract class AbstractRateLimitPermitStoreTest {

    @Inject
    RateLimitPermitStore store;

    @Test
    void grantsUpToTheLimitAndCountsThePermitsOfTheWindow() {
        String crm = "permit-count-" + System.nanoTime();
        Duration window = Duration.ofMinutes(1);

        Acquired first = store.tryAcquire(crm, 3, window, List.of());
        Acquired second = store.tryAcquire(crm, 3, window, List.of());
        Acquired third = store.tryAcquire(crm, 3, window, List.of(new Ended(second.permitId())));
        Acquired refused = store.tryAcquire(crm, 3, window, List.of());

        assertThat(first.granted()).isTrue();
        assertThat(first.counted()).isEqualTo(1);
        assertThat(second.counted()).isEqualTo(2);
        assertThat(third.granted()).isTrue();
        assertThat(third.counted()).as("a completed request still counts").isEqualTo(3);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.counted()).isEqualTo(3);
        assertThat(refused.retryIn()).isPositive().isLessThanOrEqualTo(window);
        assertThat(store.tryAcquire("another-" + crm, 3, window, List.of()).counted()).as("per CRM").isEqualTo(1);
    }

    @Test
    void aPermitCountsFromTheEndOfItsRequestOnceRecorded() throws Exception {
        String crm = "permit-end-" + System.nanoTime();
        Duration window = Duration.ofSeconds(5);
        Acquired permit = store.tryAcquire(crm, 1, window, List.of());
        TimeUnit.MILLISECONDS.sleep(400); // a slow request

        Duration fromGrant = store.tryAcquire(crm, 1, window, List.of()).retryIn();
        store.recordEnds(crm, window, List.of(new Ended(permit.permitId())));
        Duration fromEnd = store.tryAcquire(crm, 1, window, List.of()).retryIn();

        assertThat(fromGrant).isLessThanOrEqualTo(window.minusMillis(400));
        assertThat(fromEnd).isGreaterThan(window.minusMillis(200)).isLessThanOrEqualTo(window);
    }

    @Test
    void manyCallersAtOnceGetNoMorePermitsThanTheLimitNorTheSameOneTwice() throws Exception {
        String crm = "permit-race-" + System.nanoTime();
        Duration window = Duration.ofMinutes(1);
        int max = 20;
        store.tryAcquire(crm, max, window, List.of()); // creates the row
        List<Acquired> granted = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<Void> caller = () -> {
                    start.await();
                    List<Ended> ends = List.of();
                    for (int i = 0; i < 8; i++) {
                        Acquired acquired = store.tryAcquire(crm, max, window, ends);
                        ends = List.of();
                        if (acquired.granted()) {
                            granted.add(acquired);
                            ends = List.of(new Ended(acquired.permitId()));
                        }
                    }
                    store.recordEnds(crm, window, ends);
                    return null;
                };
                callers.add(threads.submit(caller));
            }
            start.countDown();
            for (Future<?> caller : callers) {
                caller.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }

        assertThat(granted).hasSize(max - 1);
        assertThat(granted).extracting(Acquired::permitId).doesNotHaveDuplicates();
        assertThat(granted).extracting(Acquired::counted)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, max).boxed().toList());
        assertThat(store.tryAcquire(crm, max, window, List.of()).counted()).isEqualTo(max);
    }
}
