package io.quarkiverse.etlify.hubspot.sandbox;

/**
 * Ends request handling early with a ready HubSpot-shaped error answer.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SandboxResponse response;

    ApiException(SandboxResponse response) {
        super(String.valueOf(response.status()), null, false, false);
        this.response = response;
    }

    SandboxResponse response() {
        return response;
    }
}
