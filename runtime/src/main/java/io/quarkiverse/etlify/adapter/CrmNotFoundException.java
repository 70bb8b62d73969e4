package io.quarkiverse.etlify.adapter;

/** The CRM does not know the record (HTTP 404). */
public class CrmNotFoundException extends CrmException {

    public CrmNotFoundException(String message, int status, String category, String correlationId, String details) {
        super(message, status, category, correlationId, details, null);
    }

    @Override
    public boolean isRecordSpecific() {
        return true;
    }
}
