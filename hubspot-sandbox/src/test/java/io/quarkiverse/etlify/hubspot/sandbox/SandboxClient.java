package io.quarkiverse.etlify.hubspot.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small HubSpot client for the tests: real HTTP through {@link HttpClient}; every answer it receives is also
 * validated against HubSpot's contract, and the problems are collected for the tests to assert on.
 */
final class SandboxClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final List<String> responseProblems = new ArrayList<>();

    SandboxClient(HubSpotSandbox sandbox, String token) {
        this.baseUrl = sandbox.baseUrl();
        this.token = token;
    }

    /** One answer. */
    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        long longHeader(String name) {
            return Long.parseLong(headers.firstValue(name).orElseThrow());
        }
    }

    SandboxClient withToken(String otherToken) {
        return new SandboxClient(baseUrl, otherToken);
    }

    private SandboxClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    Reply patch(String pathAndQuery, Object body) {
        return send("PATCH", pathAndQuery, body);
    }

    Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    Reply send(String method, String pathAndQuery, Object body) {
        try {
            return sendOrThrow(method, pathAndQuery, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #send}, letting I/O errors (e.g. dropped connections) through. */
    Reply sendOrThrow(String method, String pathAndQuery, Object body) throws IOException {
        return sendOrThrow(method, pathAndQuery, body, Duration.ofSeconds(10));
    }

    Reply sendOrThrow(String method, String pathAndQuery, Object body, Duration timeout) throws IOException {
        String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Reply reply = new Reply(response.statusCode(), response.body(), response.headers());
        String path = URI.create(pathAndQuery).getPath();
        for (ContractValidator.Finding finding : ContractValidator.bundled().validateResponse(method, path,
                reply.status(), reply.header("Content-Type"), reply.body())) {
            if (finding.key().equals("validation.request.path.missing")
                    || finding.key().equals("validation.request.operation.notAllowed")) {
                // Answers to requests outside the contract (deliberate 404/405 tests) have no contract to meet.
                continue;
            }
            responseProblems.add(method + " " + path + " -> " + reply.status() + ": " + finding);
        }
        return reply;
    }

    /** Contract problems found in the answers received so far. */
    List<String> responseProblems() {
        return responseProblems;
    }

    // ---- request bodies as HubSpot's contract wants them

    static ObjectNode props(String... keyValues) {
        ObjectNode properties = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    static ObjectNode createBody(ObjectNode properties) {
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", properties);
        body.putArray("associations");
        return body;
    }

    static ObjectNode updateBody(ObjectNode properties) {
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", properties);
        return body;
    }

    static ObjectNode inputs(List<ObjectNode> inputs) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("inputs").addAll(inputs);
        return body;
    }

    static ObjectNode upsertInput(String idProperty, String id, String traceId, ObjectNode properties) {
        ObjectNode input = JSON.createObjectNode();
        input.put("id", id);
        if (idProperty != null) {
            input.put("idProperty", idProperty);
        }
        if (traceId != null) {
            input.put("objectWriteTraceId", traceId);
        }
        input.set("properties", properties);
        return input;
    }

    static ObjectNode createInput(String traceId, ObjectNode properties) {
        ObjectNode input = createBody(properties);
        if (traceId != null) {
            input.put("objectWriteTraceId", traceId);
        }
        return input;
    }

    /** A search with EQ filters: each group is a list of (property, value) pairs ANDed, groups ORed. */
    static ObjectNode eqSearch(List<List<String[]>> groups, int limit, String after, String... properties) {
        ObjectNode body = JSON.createObjectNode();
        var filterGroups = body.putArray("filterGroups");
        for (List<String[]> group : groups) {
            var filters = filterGroups.addObject().putArray("filters");
            for (String[] filter : group) {
                filters.addObject().put("propertyName", filter[0]).put("operator", "EQ").put("value", filter[1]);
            }
        }
        var props = body.putArray("properties");
        for (String property : properties) {
            props.add(property);
        }
        body.put("limit", limit);
        body.put("after", after);
        body.putArray("sorts");
        return body;
    }
}
