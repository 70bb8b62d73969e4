package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.state.CrmHoldStore;
import io.quarkiverse.etlify.runtime.state.CrmHoldStore.Hold;

/**
 * A CRM's hold kept in the database, so every instance honours it and it survives restarts. Read at
 * most once a second per instance: another instance's hold is seen within a second, and a request
 * costs no statement.
 */
final class DatabaseCrmHolds implements CrmHolds {

    private static final Logger LOG = Logger.getLogger(DatabaseCrmHolds.class);
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private record Read(Optional<Hold> hold, long atNanos) {
    }

    private final CrmHoldStore store;
    private final String crmName;
    private volatile Read last;

    DatabaseCrmHolds(CrmHoldStore store, String crmName) {
        this.store = store;
        this.crmName = crmName;
    }

    @Override
    public Optional<Hold> current() {
        Read read = last;
        if (read == null || System.nanoTime() - read.atNanos() > REFRESH.toNanos()) {
            try {
                read = new Read(store.find(crmName), System.nanoTime());
                last = read;
            } catch (RuntimeException e) {
                // the database being away must not stop calls: the last known hold stands
                LOG.debugf(e, "Could not read the hold of CRM %s", crmName);
                return read == null ? Optional.empty() : read.hold();
            }
        }
        return read.hold();
    }

    @Override
    public void hold(String reason, Instant until, String message) {
        store.hold(crmName, reason, until, message);
        last = null;
    }

    @Override
    public void release(String reason) {
        store.release(crmName, reason);
        last = null;
    }
}
