package io.quarkiverse.etlify.adapter.throttle;

import java.time.Duration;
import java.util.ArrayDeque;

/** A sliding log of the permits granted by this instance: right for a single instance only. */
final class LocalPermitLog implements PermitLog {

    private final int maxRequests;
    private final long windowNanos;
    private final ArrayDeque<Long> granted = new ArrayDeque<>();

    LocalPermitLog(int maxRequests, Duration window) {
        this.maxRequests = maxRequests;
        this.windowNanos = window.toNanos();
    }

    @Override
    public synchronized Duration tryAcquire() {
        long now = System.nanoTime();
        while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
            granted.removeFirst();
        }
        if (granted.size() < maxRequests) {
            granted.addLast(now);
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1, windowNanos - (now - granted.peekFirst())));
    }
}
