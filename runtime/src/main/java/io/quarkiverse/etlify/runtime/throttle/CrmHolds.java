package io.quarkiverse.etlify.runtime.throttle;

import java.time.Instant;
import java.util.Optional;

import io.quarkiverse.etlify.runtime.state.CrmHoldStore.Hold;

/** The hold on one CRM (paused, unauthorized), as every instance sees it. */
interface CrmHolds {

    /** The current hold, expired or not, possibly as read a moment ago. */
    Optional<Hold> current();

    /** Holds the CRM until {@code until} (or longer if already held for the same reason). */
    void hold(String reason, Instant until, String message);

    /** Lifts the hold if it is for {@code reason} ({@code null}: whatever the reason). */
    void release(String reason);
}
