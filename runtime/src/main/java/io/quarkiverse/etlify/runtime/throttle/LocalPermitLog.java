package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A sliding log of the permits of this instance: right for a single instance only. */
final class LocalPermitLog implements PermitLog {

    private final int maxRequests;
    private final long windowNanos;
    // each permit is a one-element array holding the nano time it counts from
    private final List<long[]> permits = new ArrayList<>();

    LocalPermitLog(int maxRequests, Duration window) {
        this.maxRequests = maxRequests;
        this.windowNanos = window.toNanos();
    }

    @Override
    public int maxRequests() {
        return maxRequests;
    }

    @Override
    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    @Override
    public synchronized Grant tryAcquire() {
        long now = System.nanoTime();
        permits.removeIf(permit -> now - permit[0] >= windowNanos);
        if (permits.size() < maxRequests) {
            long[] permit = { now };
            permits.add(permit);
            return Grant.of(permit, permits.size());
        }
        long[] countedFrom = permits.stream().mapToLong(permit -> permit[0]).toArray();
        Arrays.sort(countedFrom);
        long leaving = countedFrom[permits.size() - maxRequests];
        return Grant.waitFor(Duration.ofNanos(Math.max(1, windowNanos - (now - leaving))), permits.size());
    }

    @Override
    public synchronized void done(Object permit) {
        ((long[]) permit)[0] = System.nanoTime();
    }
}
