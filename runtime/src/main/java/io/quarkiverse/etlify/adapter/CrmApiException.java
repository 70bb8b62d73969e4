package io.quarkiverse.etlify.adapter;

/** Any other error answer of the CRM (5xx and unexpected statuses). */
public class CrmApiException extends CrmException {

    public CrmApiException(String message, int status, String category, String correlationId, String details) {
        super(message, status, category, correlationId, details, null);
    }

    /** Server errors (5xx) may succeed when retried. */
    @Override
    public boolean isTransient() {
        return status() >= 500;
    }

    /** Another client error (4xx) refuses this request's content; server errors and no answer are the CRM's. */
    @Override
    public boolean isRecordSpecific() {
        return status() >= 400 && status() < 500;
    }
}
