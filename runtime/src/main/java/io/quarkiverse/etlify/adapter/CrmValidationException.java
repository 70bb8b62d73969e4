package io.quarkiverse.etlify.adapter;

/** The CRM rejected the payload (HTTP 400/409/422). */
public class CrmValidationException extends CrmException {

    public CrmValidationException(String message, int status, String category, String correlationId, String details) {
        super(message, status, category, correlationId, details, null);
    }

    @Override
    public boolean isRecordSpecific() {
        return true;
    }
}
