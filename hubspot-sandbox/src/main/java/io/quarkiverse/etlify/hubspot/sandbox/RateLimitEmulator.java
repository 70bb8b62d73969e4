package io.quarkiverse.etlify.hubspot.sandbox;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Emulates HubSpot's rate limits per access token (one token = one account): a rolling burst window, an optional
 * per-second limit, the search endpoints' own per-second limit and an optional daily limit.
 * A rejected request consumes nothing, so state and counters only move for requests that get through.
 */
final class RateLimitEmulator {

    static final String HEADER_MAX = "X-HubSpot-RateLimit-Max";
    static final String HEADER_REMAINING = "X-HubSpot-RateLimit-Remaining";
    static final String HEADER_INTERVAL = "X-HubSpot-RateLimit-Interval-Milliseconds";
    static final String HEADER_SECONDLY = "X-HubSpot-RateLimit-Secondly";
    static final String HEADER_SECONDLY_REMAINING = "X-HubSpot-RateLimit-Secondly-Remaining";
    static final String HEADER_DAILY = "X-HubSpot-RateLimit-Daily";
    static final String HEADER_DAILY_REMAINING = "X-HubSpot-RateLimit-Daily-Remaining";

    private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();

    /** Limits; a value of 0 or less switches that limit off. */
    record Limits(int rollingMax, Duration rollingWindow, int secondly, int searchPerSecond, long daily) {
    }

    /**
     * The outcome for one request.
     *
     * @param exceeded the policy that rejected it, {@code null} when it may proceed
     * @param search whether the search limit (rather than the general ones) applied
     * @param headers the rate-limit headers to answer with
     * @param retryAfterMillis when a rejected request could succeed again
     */
    record Decision(RateLimitPolicy exceeded, boolean search, Map<String, String> headers, long retryAfterMillis) {
        boolean allowed() {
            return exceeded == null;
        }
    }

    private final Limits limits;
    private final LongSupplier ticker;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    RateLimitEmulator(Limits limits, LongSupplier ticker) {
        this.limits = limits;
        this.ticker = ticker;
    }

    void reset() {
        accounts.clear();
    }

    Decision acquire(String token, boolean search) {
        return accounts.computeIfAbsent(token, t -> new Account()).acquire(search, ticker.getAsLong());
    }

    /** Counters of one account; synchronized because one token may be used from many client threads. */
    private final class Account {
        private final ArrayDeque<Long> rolling = new ArrayDeque<>();
        private final ArrayDeque<Long> secondly = new ArrayDeque<>();
        private final ArrayDeque<Long> searches = new ArrayDeque<>();
        private LocalDate day = today();
        private long dailyUsed;

        synchronized Decision acquire(boolean search, long now) {
            long windowNanos = limits.rollingWindow().toNanos();
            evict(rolling, now, windowNanos);
            evict(secondly, now, SECOND_NANOS);
            evict(searches, now, SECOND_NANOS);
            LocalDate today = today();
            if (!today.equals(day)) {
                day = today;
                dailyUsed = 0;
            }

            RateLimitPolicy exceeded = null;
            long retryAfter = 0;
            if (limits.daily() > 0 && dailyUsed >= limits.daily()) {
                exceeded = RateLimitPolicy.DAILY;
                retryAfter = Duration.between(LocalDateTime.now(ZoneOffset.UTC),
                        today.plusDays(1).atStartOfDay()).toMillis();
            } else if (search) {
                if (limits.searchPerSecond() > 0 && searches.size() >= limits.searchPerSecond()) {
                    exceeded = RateLimitPolicy.SECONDLY;
                    retryAfter = waitMillis(searches, now, SECOND_NANOS);
                }
            } else if (limits.secondly() > 0 && secondly.size() >= limits.secondly()) {
                exceeded = RateLimitPolicy.SECONDLY;
                retryAfter = waitMillis(secondly, now, SECOND_NANOS);
            } else if (limits.rollingMax() > 0 && rolling.size() >= limits.rollingMax()) {
                exceeded = RateLimitPolicy.TEN_SECONDLY_ROLLING;
                retryAfter = waitMillis(rolling, now, windowNanos);
            }

            if (exceeded == null) {
                dailyUsed++;
                if (search) {
                    searches.addLast(now);
                } else {
                    secondly.addLast(now);
                    rolling.addLast(now);
                }
            }
            return new Decision(exceeded, search, headers(), retryAfter);
        }

        private Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (limits.rollingMax() > 0) {
                headers.put(HEADER_MAX, Integer.toString(limits.rollingMax()));
                headers.put(HEADER_REMAINING, Integer.toString(Math.max(0, limits.rollingMax() - rolling.size())));
                headers.put(HEADER_INTERVAL, Long.toString(limits.rollingWindow().toMillis()));
            }
            if (limits.secondly() > 0) {
                headers.put(HEADER_SECONDLY, Integer.toString(limits.secondly()));
                headers.put(HEADER_SECONDLY_REMAINING, Integer.toString(Math.max(0, limits.secondly() - secondly.size())));
            }
            if (limits.daily() > 0) {
                headers.put(HEADER_DAILY, Long.toString(limits.daily()));
                headers.put(HEADER_DAILY_REMAINING, Long.toString(Math.max(0, limits.daily() - dailyUsed)));
            }
            return headers;
        }
    }

    private static void evict(ArrayDeque<Long> window, long now, long windowNanos) {
        while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
            window.removeFirst();
        }
    }

    private static long waitMillis(ArrayDeque<Long> window, long now, long windowNanos) {
        long nanos = window.isEmpty() ? 0 : windowNanos - (now - window.peekFirst());
        return Math.max(1, Duration.ofNanos(nanos).toMillis());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
