package io.quarkiverse.etlify.runtime.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The local limiter, measured with real time: these tests measure waiting itself. */
class RequestThrottleTest {

    @Test
    void callersWaitInsteadOfFailingAndNoWindowHoldsMoreThanTheLimit() throws Exception {
        RequestThrottle throttle = new RequestThrottle("crm", new LocalPermitLog(3, Duration.ofMillis(300)));
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            calls.add(threads.submit(() -> {
                try (RequestThrottle.Permit permit = throttle.acquire()) {
                    granted.add(System.nanoTime());
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(granted).hasSize(9);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        List<Long> sorted = granted.stream().sorted().toList();
        for (int i = 3; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 3)).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
        }
    }

    @Test
    void aPermitCountsFromTheEndOfItsRequest() throws Exception {
        RequestThrottle throttle = new RequestThrottle("crm", new LocalPermitLog(1, Duration.ofMillis(200)));
        try (RequestThrottle.Permit permit = throttle.acquire()) {
            TimeUnit.MILLISECONDS.sleep(150); // a slow request
        }
        long ended = System.nanoTime();

        try (RequestThrottle.Permit permit = throttle.acquire()) {
            assertThat(System.nanoTime() - ended).isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
        }
    }

    @Test
    void aHoldDelaysEveryCallerAndLowRemainingSlowsDown() {
        RequestThrottle throttle = new RequestThrottle("crm", null);
        assertThat(throttle.isLimited()).isFalse();

        throttle.holdFor(Duration.ofMillis(200));
        long start = System.nanoTime();
        throttle.acquire().close();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());

        throttle.observeRemaining(50, 100, Duration.ofSeconds(10));
        start = System.nanoTime();
        throttle.acquire().close();
        assertThat(System.nanoTime() - start).as("plenty left: no wait").isLessThan(Duration.ofMillis(100).toNanos());

        throttle.observeRemaining(1, 10, Duration.ofMillis(400));
        start = System.nanoTime();
        throttle.acquire().close();
        assertThat(System.nanoTime() - start).as("1 of 10 left: interval / 2").isGreaterThanOrEqualTo(
                Duration.ofMillis(190).toNanos());
    }

    @Test
    void lowRemainingSlowsDownOnlyWhenTheConfiguredLimitCannotTellAlone() {
        // the CRM allows 10 per 400 ms and reports 9 used
        assertThat(waitAfterNineUsed(new LocalPermitLog(10, Duration.ofMillis(400)), 9))
                .as("10 per 400 ms here too, and the 9 used are this application's: the limit alone keeps within")
                .isLessThan(Duration.ofMillis(100));
        assertThat(waitAfterNineUsed(new LocalPermitLog(10, Duration.ofMillis(400)), 5))
                .as("another client of the account used 4 of them").isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(waitAfterNineUsed(new LocalPermitLog(10, Duration.ofMillis(200)), 9))
                .as("10 per 200 ms lets 20 through in the CRM's 400 ms").isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    /** How long the next request waits after {@code sent} requests, once the CRM reports 1 of 10 per 400 ms left. */
    private static Duration waitAfterNineUsed(LocalPermitLog permits, int sent) {
        RequestThrottle throttle = new RequestThrottle("crm", permits);
        for (int i = 0; i < sent; i++) {
            throttle.acquire().close();
        }
        throttle.observeRemaining(1, 10, Duration.ofMillis(400));
        long start = System.nanoTime();
        throttle.acquire().close();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
