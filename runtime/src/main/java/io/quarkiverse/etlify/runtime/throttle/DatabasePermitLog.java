package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.state.RateLimitPermitStore;

/** The permits of a CRM recorded in the database, so that all instances together stay within the limit. */
final class DatabasePermitLog implements PermitLog {

    private static final Logger LOG = Logger.getLogger(DatabasePermitLog.class);

    private final RateLimitPermitStore store;
    private final String crmName;
    private final int maxRequests;
    private final Duration window;

    DatabasePermitLog(RateLimitPermitStore store, String crmName, int maxRequests, Duration window) {
        this.store = store;
        this.crmName = crmName;
        this.maxRequests = maxRequests;
        this.window = window;
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
        RateLimitPermitStore.Acquired acquired = store.tryAcquire(crmName, maxRequests, window);
        return acquired.granted() ? Grant.of(acquired.permitId(), acquired.counted())
                : Grant.waitFor(acquired.retryIn(), acquired.counted());
    }

    @Override
    public void done(Object permit) {
        try {
            store.done((Long) permit);
        } catch (RuntimeException e) {
            // the permit then counts from its grant: a little early, and only for this one request
            LOG.debugf(e, "Could not record the end of a request to CRM %s", crmName);
        }
    }
}
