package io.quarkiverse.etlify.adapter;

/**
 * A create was sent but its outcome is unknown (a server error or a timeout after the request left):
 * the CRM may have created the record. It is not retried blindly, which could create it twice; the
 * record is deferred, and its next sync first asks the adapter to find what the lost create wrote
 * ({@link CrmAdapter#findCreated}).
 */
public class CrmAmbiguousWriteException extends CrmException {

    public CrmAmbiguousWriteException(String message, int status, String category, String correlationId,
            Throwable cause) {
        super(message, status, category, correlationId, null, cause);
    }
}
