package io.quarkiverse.etlify.runtime.throttle;

import java.time.Duration;

/**
 * Where a CRM's request permits are counted: in this instance, or in the database for all
 * instances. A permit counts from its grant while its request is in flight and from the request's
 * completion once {@link #done(Object)}: the CRM received the request in between, so its window for
 * that request has closed by the time ours does.
 */
interface PermitLog {

    /** Permits in any window. */
    int maxRequests();

    /** The rolling window. */
    Duration window();

    /**
     * Takes a permit when the window has room.
     *
     * @return the permit, or how long to wait before asking again
     */
    Grant tryAcquire();

    /** The request of a permit completed (successfully or not). */
    void done(Object permit);

    /**
     * The answer to a permit request.
     *
     * @param permit the permit's handle, {@code null} when none was granted
     * @param retryIn how long to wait before asking again when none was granted
     * @param counted the permits counting in the window, the one granted included
     */
    record Grant(Object permit, Duration retryIn, int counted) {

        static Grant of(Object permit, int counted) {
            return new Grant(permit, Duration.ZERO, counted);
        }

        static Grant waitFor(Duration retryIn, int counted) {
            return new Grant(null, retryIn, counted);
        }

        boolean granted() {
            return permit != null;
        }
    }
}
