package io.quarkiverse.etlify.adapter;

/** Credentials were refused (HTTP 401/403). */
public class CrmUnauthorizedException extends CrmException {

    public CrmUnauthorizedException(String message, int status, String category, String correlationId, String details) {
        super(message, status, category, correlationId, details, null);
    }
}
