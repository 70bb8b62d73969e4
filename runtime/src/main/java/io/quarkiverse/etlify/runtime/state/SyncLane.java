package io.quarkiverse.etlify.runtime.state;

/**
 * The durable queue's lane of a pending request ({@code crm_synchronisations.sync_lane}): claims take
 * the urgent lane first and leave a share of each claim to the batch lane, so that a user's
 * {@code sync(entity)} does not wait for a batch sync's backlog, and the backlog still drains.
 */
public enum SyncLane {

    /** {@code sync(entity)} and requests that follow a sync (dependencies, buffered dependents). */
    URGENT(0),
    /** The pages of an async batch sync. */
    BATCH(1);

    private final int code;

    SyncLane(int code) {
        this.code = code;
    }

    /** The value stored: lower codes are claimed first, and a record requested in two lanes keeps the lower. */
    public int code() {
        return code;
    }
}
