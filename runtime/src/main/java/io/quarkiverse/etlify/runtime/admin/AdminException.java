package io.quarkiverse.etlify.runtime.admin;

/** An admin request that fails with an HTTP status and a JSON body {@code {"error": ..., "detail": ...}}. */
final class AdminException extends RuntimeException {

    final int status;
    final String error;

    AdminException(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    static AdminException notFound(String detail) {
        return new AdminException(404, "not found", detail);
    }

    static AdminException badRequest(String detail) {
        return new AdminException(400, "bad request", detail);
    }
}
