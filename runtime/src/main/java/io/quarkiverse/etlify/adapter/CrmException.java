package io.quarkiverse.etlify.adapter;

/**
 * A CRM call failed. Subtypes tell why; all carry the HTTP status (0 when none), the CRM's error
 * category and correlation id when it gave them, and details. Messages never contain credentials.
 */
public abstract class CrmException extends RuntimeException {

    private final int status;
    private final String category;
    private final String correlationId;
    private final String details;

    protected CrmException(String message, int status, String category, String correlationId, String details,
            Throwable cause) {
        super(message, cause);
        this.status = status;
        this.category = category;
        this.correlationId = correlationId;
        this.details = details;
    }

    /** HTTP status of the CRM's answer, 0 when there was none (transport failure). */
    public int status() {
        return status;
    }

    /** The CRM's error category (e.g. HubSpot's {@code VALIDATION_ERROR}), or {@code null}. */
    public String category() {
        return category;
    }

    /** The CRM's correlation id, to quote to its support, or {@code null}. */
    public String correlationId() {
        return correlationId;
    }

    /** Further details given by the CRM (e.g. per-field errors), or {@code null}. */
    public String details() {
        return details;
    }

    /** Whether retrying the same call later may succeed. */
    public boolean isTransient() {
        return false;
    }

    /**
     * Whether the failure is about this record's data (the CRM rejected it), so that it counts toward
     * {@code max-sync-errors}. Failures of the CRM as a whole (unreachable, server errors, refused
     * credentials, rate limits, an open circuit breaker) are not: the records are deferred, uncounted,
     * and retried once the CRM is usable again.
     */
    public boolean isRecordSpecific() {
        return false;
    }
}
