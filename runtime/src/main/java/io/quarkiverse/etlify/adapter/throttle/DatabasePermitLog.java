package io.quarkiverse.etlify.adapter.throttle;

import java.time.Duration;

import io.quarkiverse.etlify.state.RateLimitPermitStore;

/** The permits of a CRM recorded in the database, so that all instances together stay within the limit. */
final class DatabasePermitLog implements PermitLog {

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
    public Duration tryAcquire() {
        return store.tryAcquire(crmName, maxRequests, window);
    }
}
