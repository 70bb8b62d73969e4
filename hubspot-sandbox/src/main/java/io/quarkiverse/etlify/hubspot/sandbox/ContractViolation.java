package io.quarkiverse.etlify.hubspot.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A request HubSpot's contract rejects; the sandbox answered it with 400 (or 404/405 for an unknown path/method).
 *
 * @param timestamp when it was received
 * @param method the HTTP method
 * @param path the request path
 * @param query the raw query string, {@code null} when none
 * @param body the request body, {@code null} when none
 * @param messages what the contract validation found
 */
public record ContractViolation(Instant timestamp, String method, String path, String query, String body,
        List<String> messages) {

    public ContractViolation {
        messages = List.copyOf(messages);
    }
}
