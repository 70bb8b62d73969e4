package io.quarkiverse.etlify.runtime.http;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Adds {@code Authorization: Bearer <token>} to every request of one CRM's client. */
public final class BearerToken implements ClientRequestFilter {

    private final String authorization;

    public BearerToken(String token) {
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
