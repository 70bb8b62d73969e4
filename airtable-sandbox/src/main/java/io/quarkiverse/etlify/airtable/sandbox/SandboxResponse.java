package io.quarkiverse.etlify.airtable.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer before it is written: status and JSON body. */
record SandboxResponse(int status, JsonNode body) {

    static SandboxResponse ok(JsonNode body) {
        return new SandboxResponse(200, body);
    }

    static SandboxResponse of(ApiError error) {
        return new SandboxResponse(error.status(), error.body());
    }
}
