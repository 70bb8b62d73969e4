package io.quarkiverse.etlify.adapter.throttle;

import java.time.Duration;

/** Where a CRM's request permits are counted: in this instance, or in the database for all instances. */
interface PermitLog {

    /**
     * Takes a permit when the window has room.
     *
     * @return {@link Duration#ZERO} when granted, otherwise how long to wait before asking again
     */
    Duration tryAcquire();
}
