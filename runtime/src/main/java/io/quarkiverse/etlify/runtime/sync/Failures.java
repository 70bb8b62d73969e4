package io.quarkiverse.etlify.runtime.sync;

import java.time.Duration;

import io.quarkiverse.etlify.adapter.CrmAmbiguousWriteException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmUnavailableException;

/** How the engine treats a failure: charged to the record, or the CRM's and deferred. */
final class Failures {

    private Failures() {
    }

    /**
     * Whether a failure counts toward the record's {@code max-sync-errors}: the CRM rejected its data,
     * or its serializer or guard threw. Failures of the CRM as a whole never do.
     */
    static boolean isRecordSpecific(Throwable failure) {
        return !(failure instanceof CrmException crm) || crm.isRecordSpecific();
    }

    /** Whether the CRM may have applied a create whose answer was lost. */
    static boolean isUnconfirmedCreate(Throwable failure) {
        return failure instanceof CrmAmbiguousWriteException;
    }

    /** How long the CRM asked to be left alone, {@code null} when it did not say. */
    static Duration retryAfter(Throwable failure) {
        if (failure instanceof CrmRateLimitedException limited) {
            return limited.retryAfter();
        }
        return failure instanceof CrmUnavailableException unavailable ? unavailable.retryAfter() : null;
    }
}
