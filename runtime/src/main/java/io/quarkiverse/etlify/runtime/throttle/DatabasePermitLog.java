package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore;

/**
 * The permits of a CRM recorded in the database, so that all instances together stay within the limit.
 * <p>
 * The end of a request is not written on its own: it travels with this instance's next permit request,
 * one statement for both. Until it is written, the permit counts from its grant, which is right as long
 * as the end arrives before the permit would leave the window counted from its grant; so an end still
 * unwritten shortly before that moment (no request followed) is written by a flush scheduled for it.
 */
final class DatabasePermitLog implements PermitLog {

    private static final Logger LOG = Logger.getLogger(DatabasePermitLog.class);
    // how long before its permit would leave the window counted from its grant an unwritten end is flushed:
    // time for the grant's answer to have reached us, the flush's statement, and the scheduler's lateness
    private static final Duration MAX_FLUSH_MARGIN = Duration.ofSeconds(1);

    private final RateLimitPermitStore store;
    private final String crmName;
    private final int maxRequests;
    private final Duration window;
    private final ScheduledExecutorService flusher;
    private final long flushAfterGrantNanos;
    private final List<Unwritten> unwritten = new ArrayList<>();
    // nano time of the earliest flush scheduled and not run yet, 0 when none is
    private long flushAt;

    DatabasePermitLog(RateLimitPermitStore store, String crmName, int maxRequests, Duration window,
            ScheduledExecutorService flusher) {
        this.store = store;
        this.crmName = crmName;
        this.maxRequests = maxRequests;
        this.window = window;
        this.flusher = flusher;
        Duration margin = window.dividedBy(4).compareTo(MAX_FLUSH_MARGIN) < 0 ? window.dividedBy(4) : MAX_FLUSH_MARGIN;
        this.flushAfterGrantNanos = window.minus(margin).toNanos();
    }

    @Override
    public int maxRequests() {
        return maxRequests;
    }

    @Override
    public Duration window() {
        return window;
    }

    @Override
    public Grant tryAcquire() {
        List<Unwritten> ends = takeUnwritten();
        RateLimitPermitStore.Acquired acquired;
        try {
            acquired = store.tryAcquire(crmName, maxRequests, window, ended(ends));
        } catch (RuntimeException e) {
            putBack(ends);
            throw e;
        }
        return acquired.granted() ? Grant.of(new Handle(acquired.permitId(), System.nanoTime()), acquired.counted())
                : Grant.waitFor(acquired.retryIn(), acquired.counted());
    }

    @Override
    public void done(Object permit) {
        Handle handle = (Handle) permit;
        long now = System.nanoTime();
        Unwritten end = new Unwritten(handle.id(), handle.grantedAt() + flushAfterGrantNanos);
        if (end.flushBy() - now <= 0) {
            // the request took nearly a window: no time to wait for another one
            write(List.of(end));
            return;
        }
        synchronized (this) {
            unwritten.add(end);
            scheduleFlush(end.flushBy(), now);
        }
    }

    private synchronized void scheduleFlush(long flushBy, long now) {
        if (flushAt != 0 && flushAt - flushBy <= 0) {
            return;
        }
        flushAt = flushBy;
        try {
            flusher.schedule(this::flush, Math.max(0, flushBy - now), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // shutting down: the ends are lost, their permits count from their grants
            LOG.debugf(e, "Could not schedule recording the end of requests to CRM %s", crmName);
        }
    }

    /** Writes the ends not written yet. */
    void flush() {
        List<Unwritten> ends;
        synchronized (this) {
            flushAt = 0;
            ends = takeUnwritten();
        }
        if (!ends.isEmpty()) {
            write(ends);
        }
    }

    private void write(List<Unwritten> ends) {
        try {
            store.recordEnds(crmName, window, ended(ends));
        } catch (RuntimeException e) {
            // these permits then count from their grants: a little early, and only for these requests
            LOG.debugf(e, "Could not record the end of requests to CRM %s", crmName);
        }
    }

    private synchronized List<Unwritten> takeUnwritten() {
        List<Unwritten> ends = new ArrayList<>(unwritten);
        unwritten.clear();
        return ends;
    }

    private synchronized void putBack(List<Unwritten> ends) {
        unwritten.addAll(0, ends);
        long now = System.nanoTime();
        ends.stream().mapToLong(Unwritten::flushBy).reduce((a, b) -> a - b <= 0 ? a : b)
                .ifPresent(flushBy -> scheduleFlush(flushBy, now));
    }

    private static List<RateLimitPermitStore.Ended> ended(List<Unwritten> ends) {
        return ends.stream().map(end -> new RateLimitPermitStore.Ended(end.id())).toList();
    }

    /** The end of a request, not written yet: its permit's id and by when it must be written. */
    private record Unwritten(long id, long flushBy) {
    }

    /** A permit: its id in the database and the nano time its grant reached this instance. */
    record Handle(long id, long grantedAt) {
    }
}
