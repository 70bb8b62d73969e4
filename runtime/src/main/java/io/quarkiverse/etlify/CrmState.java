package io.quarkiverse.etlify;

import java.time.Instant;

/**
 * Whether a CRM can be called now, and if not why and until when. While it cannot, records are
 * deferred (not counted as errors) and retried once it can.
 *
 * @param condition the CRM's condition
 * @param since when it began ({@code null} when {@link Condition#OK} or {@link Condition#DISABLED})
 * @param until when a request is tried again ({@code null} when unknown or not held)
 * @param reason what the CRM answered, without secrets ({@code null} when OK)
 */
public record CrmState(Condition condition, Instant since, Instant until, String reason) {

    /** A CRM's condition. */
    public enum Condition {
        /** Requests are sent. */
        OK,
        /** {@code quarkus.etlify.crm."name".enabled=false}: nothing is sent. */
        DISABLED,
        /** The CRM's daily request limit was reached: every instance holds its requests until it resets. */
        PAUSED,
        /** The CRM refused the credentials: every instance holds its requests, then tries one again. */
        UNAUTHORIZED,
        /** Calls kept failing after their retries: this instance's circuit breaker holds them for a while. */
        CIRCUIT_OPEN
    }

    static final CrmState OK = new CrmState(Condition.OK, null, null, null);

    /** A CRM that takes requests. */
    public static CrmState ok() {
        return OK;
    }

    /** Whether requests are sent to the CRM now. */
    public boolean isUsable() {
        return condition == Condition.OK;
    }
}
