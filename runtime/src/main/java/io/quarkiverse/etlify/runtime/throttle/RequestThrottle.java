package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.runtime.metrics.EtlifyMetrics;

/**
 * The request limiter of one CRM: {@link #acquire()} makes the caller wait (never fails) until a
 * request may be sent. It combines
 * <ul>
 * <li>the configured limit ({@code rate-limit.max-requests} per {@code rate-limit.period}), counted
 * by this instance or, when shared, in the database for all instances;</li>
 * <li>what the CRM says: a hold after a 429 answer ({@link #holdFor(Duration)}) and a slow-down when
 * its rate-limit headers show little room left ({@link #observeRemaining(long, long, Duration)}).</li>
 * </ul>
 * Callers of one instance are served in arrival order. Adapters that send several requests per call
 * (batches) acquire once per request.
 */
public final class RequestThrottle {

    private static final Logger LOG = Logger.getLogger(RequestThrottle.class);

    private final String crmName;
    private final PermitLog permits;
    // fair: waiting callers get their permit in arrival order, and only one of them polls the permit log
    private final ReentrantLock turn = new ReentrantLock(true);
    private final AtomicLong holdUntil = new AtomicLong(System.nanoTime());
    // permits counting in the window at the last grant (all instances' when the log is shared)
    private volatile int countedAtLastGrant;
    final EtlifyMetrics metrics;

    RequestThrottle(String crmName, PermitLog permits) {
        this(crmName, permits, EtlifyMetrics.NONE);
    }

    RequestThrottle(String crmName, PermitLog permits, EtlifyMetrics metrics) {
        this.crmName = crmName;
        this.permits = permits;
        this.metrics = metrics;
    }

    /** The CRM this throttle protects. */
    public String crmName() {
        return crmName;
    }

    /** Whether a request limit is configured (otherwise only the CRM's own signals slow callers down). */
    public boolean isLimited() {
        return permits != null;
    }

    /**
     * Waits until a request may be sent, and counts it. Close the permit once the request completed
     * (try-with-resources): from then on it counts from that moment.
     *
     * @throws CrmApiException when the waiting thread is interrupted
     */
    public Permit acquire() {
        long start = System.nanoTime();
        Permit permit = waitForPermit();
        metrics.recordThrottleWait(crmName, Duration.ofNanos(System.nanoTime() - start));
        return permit;
    }

    private Permit waitForPermit() {
        try {
            turn.lockInterruptibly();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        try {
            while (true) {
                long held = holdUntil.get() - System.nanoTime();
                if (held > 0) {
                    sleep(held);
                    continue;
                }
                if (permits == null) {
                    return Permit.UNCOUNTED;
                }
                PermitLog.Grant grant = permits.tryAcquire();
                if (grant.granted()) {
                    countedAtLastGrant = grant.counted();
                    return new Permit(permits, grant.permit());
                }
                LOG.tracef("CRM %s: request limit reached, waiting %d ms", crmName, grant.retryIn().toMillis());
                sleep(grant.retryIn().toNanos());
            }
        } finally {
            turn.unlock();
        }
    }

    /** Holds every request of this CRM back for {@code wait} (e.g. after a 429 answer). */
    public void holdFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        holdUntil.accumulateAndGet(until, (current, proposed) -> proposed - current > 0 ? proposed : current);
    }

    /**
     * Slows down when the CRM reports little room left in its own window: with {@code remaining}
     * requests left of {@code max} per {@code interval}, once {@code remaining} is at or below a
     * tenth of {@code max}, the next request waits {@code interval / (remaining + 1)}.
     * These headers describe the whole account, so they also account for other clients of it.
     * No slow-down when they tell nothing the configured limit does not already enforce: it keeps
     * this application within the CRM's window on its own, and the CRM counts no more requests than
     * the limiter does (no other client is using the account).
     */
    public void observeRemaining(long remaining, long max, Duration interval) {
        if (max <= 0 || interval.isZero() || interval.isNegative() || limitAloneSuffices(remaining, max, interval)) {
            return;
        }
        long low = Math.max(1, max / 10);
        if (remaining <= low) {
            Duration spacing = interval.dividedBy(Math.max(0, remaining) + 1);
            LOG.tracef("CRM %s: %d of %d requests left, spacing the next by %d ms", crmName, remaining, max,
                    spacing.toMillis());
            holdFor(spacing);
        }
    }

    private boolean limitAloneSuffices(long remaining, long max, Duration interval) {
        if (permits == null) {
            return false;
        }
        // the most requests the configured limit lets through within one CRM interval
        long windows = (interval.toNanos() + permits.window().toNanos() - 1) / permits.window().toNanos();
        boolean withinCrmLimit = permits.maxRequests() * windows <= max;
        return withinCrmLimit && max - remaining <= countedAtLastGrant;
    }

    private void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private CrmApiException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new CrmApiException("Interrupted while waiting to send a request to CRM " + crmName, 0, "INTERRUPTED",
                null, null);
    }

    /** A request's permit: close it once the request completed. */
    public static final class Permit implements AutoCloseable {

        static final Permit UNCOUNTED = new Permit(null, null);

        private final PermitLog log;
        private final Object handle;

        private Permit(PermitLog log, Object handle) {
            this.log = log;
            this.handle = handle;
        }

        /** Records that the request completed (whatever its outcome). */
        @Override
        public void close() {
            if (log != null) {
                log.done(handle);
            }
        }
    }
}
