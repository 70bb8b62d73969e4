package io.quarkiverse.etlify.runtime.batch;

import java.time.Duration;

import io.quarkiverse.etlify.runtime.state.Holders;
import io.quarkiverse.etlify.runtime.state.LeaseStore;

/**
 * The database lease that lets one batch sync of a CRM run at a time across every instance. A long
 * run renews it as it goes (a third of the lease at most after the last renewal), so it is only lost
 * when its instance dies: then it expires and the next run starts.
 */
final class BatchSyncLease {

    private final LeaseStore leases;
    private final String name;
    private final String owner = Holders.unique("batch-sync");
    private final Duration duration;
    private volatile long renewedAt;

    BatchSyncLease(LeaseStore leases, String crm, Duration duration) {
        this.leases = leases;
        this.name = "batch-sync:" + crm;
        this.duration = duration;
    }

    boolean acquire() {
        renewedAt = System.nanoTime();
        return leases.tryAcquire(name, owner, duration);
    }

    /** Who runs the CRM's batch sync now (instance and run). */
    String holder() {
        return leases.holder(name).orElse("another run, which just finished");
    }

    void renewIfDue() {
        if (System.nanoTime() - renewedAt > duration.toNanos() / 3) {
            renewedAt = System.nanoTime();
            leases.tryAcquire(name, owner, duration);
        }
    }

    void release() {
        leases.release(name, owner);
    }
}
