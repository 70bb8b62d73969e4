package io.quarkiverse.etlify.hubspot.sandbox;

import java.time.Instant;

/**
 * One request the sandbox received, for assertions. The access token itself is never recorded, only a masked hint.
 *
 * @param timestamp when it was received
 * @param method the HTTP method
 * @param path the decoded request path
 * @param query the raw query string, {@code null} when none
 * @param kind the endpoint addressed
 * @param objectType the normalized object type, {@code null} for non-object paths
 * @param tokenHint a masked form of the bearer token ({@code null} when none was sent)
 * @param authenticated whether the token was accepted
 * @param contentType the {@code Content-Type} header, {@code null} when none
 * @param body the request body, {@code null} when none
 * @param status the response status; {@link #DROPPED} when the connection was closed without an answer
 */
public record RecordedRequest(Instant timestamp, String method, String path, String query, EndpointKind kind,
        String objectType, String tokenHint, boolean authenticated, String contentType, String body, int status) {

    /** The status recorded for requests whose connection was dropped by fault injection. */
    public static final int DROPPED = 0;

    /** Whether the connection was closed without an answer. */
    public boolean dropped() {
        return status == DROPPED;
    }
}
