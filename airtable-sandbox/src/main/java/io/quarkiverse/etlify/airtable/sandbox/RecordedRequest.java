package io.quarkiverse.etlify.airtable.sandbox;

import java.time.Instant;

/**
 * One request the sandbox received, for assertions. The access token itself is never recorded, only a masked hint.
 *
 * @param timestamp when it was received
 * @param method the HTTP method
 * @param path the decoded request path
 * @param query the raw query string, {@code null} when none
 * @param endpoint the endpoint addressed
 * @param table the table id or name of the path, {@code null} when none
 * @param tokenHint a masked form of the bearer token ({@code null} when none was sent)
 * @param authenticated whether the token was accepted
 * @param body the request body, {@code null} when none
 * @param status the response status; {@link #DROPPED} when the connection was closed without an answer
 * @param errorType the {@code error.type} of an error answer, {@code null} otherwise
 */
public record RecordedRequest(Instant timestamp, String method, String path, String query, Endpoint endpoint,
        String table, String tokenHint, boolean authenticated, String body, int status, String errorType) {

    /** The status recorded for requests whose connection was dropped by fault injection. */
    public static final int DROPPED = 0;
}
