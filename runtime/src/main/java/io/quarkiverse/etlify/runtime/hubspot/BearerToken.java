package io.quarkiverse.etlify.runtime.hubspot;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Adds {@code Authorization: Bearer <token>} to every request of one CRM's client. */
final class BearerToken implements ClientRequestFilter {

    private final String authorization;

    BearerToken(String token) {
        this.authorization = "Bearer " + token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
    }

    @Override
    public String toString() {
        return "BearerToken[***]";
    }
}
