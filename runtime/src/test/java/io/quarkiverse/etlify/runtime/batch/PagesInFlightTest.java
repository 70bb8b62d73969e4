package io.quarkiverse.etlify.runtime.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PagesInFlightTest {

    @Test
    void runsEveryPageWithAtMostConcurrencyInFlight() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        try (PagesInFlight pages = new PagesInFlight(3)) {
            for (int i = 0; i < 40; i++) {
                int page = i;
                pages.submit(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(5);
                    running.decrementAndGet();
                    done.add(page);
                });
            }
            pages.await();
        }
        assertThat(done).hasSize(40).doesNotHaveDuplicates();
        assertThat(mostAtOnce.get()).isBetween(2, 3);
    }

    @Test
    void pagesOverlap() throws InterruptedException {
        CountDownLatch both = new CountDownLatch(2);
        try (PagesInFlight pages = new PagesInFlight(2)) {
            for (int i = 0; i < 2; i++) {
                pages.submit(() -> {
                    both.countDown();
                    await(both);
                });
            }
            pages.await();
        }
        assertThat(both.await(0, TimeUnit.SECONDS)).as("the two pages ran at the same time").isTrue();
    }

    @Test
    void theFirstFailureStopsFurtherPagesAndReachesTheCaller() {
        AtomicInteger ran = new AtomicInteger();
        try (PagesInFlight pages = new PagesInFlight(2)) {
            pages.submit(() -> {
                throw new IllegalStateException("page 1 failed");
            });
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    pages.submit(() -> {
                        sleep(2);
                        ran.incrementAndGet();
                    });
                }
                pages.await();
            }).isInstanceOf(IllegalStateException.class).hasMessage("page 1 failed");
        }
        assertThat(ran.get()).isLessThan(100);
    }

    @Test
    void concurrencyOneRunsOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        try (PagesInFlight pages = new PagesInFlight(1)) {
            pages.submit(() -> threads.add(Thread.currentThread()));
            pages.await();
        }
        assertThat(threads).containsExactly(caller);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
