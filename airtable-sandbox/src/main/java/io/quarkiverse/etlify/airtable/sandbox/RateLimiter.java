package io.quarkiverse.etlify.airtable.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Airtable's limit: "The API is limited to 5 requests per second per base. [...] If you exceed these rates, you
 * will receive a 429 status code and will need to wait 30 seconds before subsequent requests will succeed"
 * (https://airtable.com/developers/web/api/rate-limits). Requests are counted over a rolling second; the first
 * one over the limit starts the penalty, during which every request is refused (sandbox rule: refused requests
 * neither count nor extend the penalty, which Airtable does not document). The sandbox serves one base, so
 * the 50 requests per second per token across bases never applies before this limit.
 */
final class RateLimiter {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final int perSecond;
    private final long penaltyNanos;
    private final LongSupplier ticker;
    private final ArrayDeque<Long> accepted = new ArrayDeque<>();
    private long penaltyUntil;
    private boolean penalized;

    /** @param perSecond requests per rolling second, 0 for no limit */
    RateLimiter(int perSecond, Duration penalty, LongSupplier ticker) {
        this.perSecond = perSecond;
        this.penaltyNanos = penalty.toNanos();
        this.ticker = ticker;
    }

    /** Whether a request may proceed now (and then counts it). */
    synchronized boolean tryAcquire() {
        if (perSecond <= 0) {
            return true;
        }
        long now = ticker.getAsLong();
        if (penalized && now - penaltyUntil < 0) {
            return false;
        }
        penalized = false;
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= SECOND) {
            accepted.removeFirst();
        }
        if (accepted.size() >= perSecond) {
            penalized = true;
            penaltyUntil = now + penaltyNanos;
            return false;
        }
        accepted.addLast(now);
        return true;
    }

    synchronized void reset() {
        accepted.clear();
        penalized = false;
    }
}
