package io.quarkiverse.etlify.hubspot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer before it is written: status and JSON body ({@code null} for none, e.g. 204).
 */
record SandboxResponse(int status, JsonNode body) {

    static SandboxResponse noContent() {
        return new SandboxResponse(204, null);
    }
}
