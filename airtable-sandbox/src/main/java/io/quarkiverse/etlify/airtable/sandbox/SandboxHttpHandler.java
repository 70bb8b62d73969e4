package io.quarkiverse.etlify.airtable.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The request pipeline: latency, dropped connection and forced-error faults, then bearer authentication, the
 * base, the rate limit, the endpoint and its body, and finally the records API. Every request is recorded.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SandboxHttpHandler.class.getName());
    private static final String BEARER = "Bearer ";

    private final String baseId;
    private final Set<String> acceptedTokens;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final RequestLog log;
    private final RecordsApi api;

    SandboxHttpHandler(String baseId, Set<String> acceptedTokens, RateLimiter rateLimiter, FaultInjector faults,
            RequestLog log, RecordsApi api) {
        this.baseId = baseId;
        this.acceptedTokens = acceptedTokens;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.log = log;
        this.api = api;
    }

    /** A request's path, parsed: {@code /v0/{baseId}/{table}[/{recordId}]}. */
    private record Route(String baseId, String table, String recordId, boolean v0) {

        static Route of(String rawPath) {
            String[] segments = rawPath.replaceFirst("^/", "").split("/", -1);
            List<String> decoded = new ArrayList<>();
            for (String segment : segments) {
                // a path segment: '+' is a plus sign, not a space as in a form
                decoded.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            boolean v0 = decoded.size() >= 2 && decoded.get(0).equals("v0");
            return new Route(v0 ? decoded.get(1) : null, v0 && decoded.size() >= 3 ? decoded.get(2) : null,
                    v0 && decoded.size() == 4 ? decoded.get(3) : null, v0 && decoded.size() <= 4);
        }

        Endpoint endpoint(String method, JsonNode body) {
            if (!v0 || table == null || table.isEmpty()) {
                return Endpoint.OTHER;
            }
            String m = method.toUpperCase(Locale.ROOT);
            if (recordId == null) {
                return switch (m) {
                    case "POST" -> Endpoint.CREATE;
                    case "PATCH" -> body != null && body.hasNonNull("performUpsert") ? Endpoint.UPSERT : Endpoint.UPDATE_MANY;
                    case "DELETE" -> Endpoint.DELETE_MANY;
                    default -> Endpoint.OTHER;
                };
            }
            return recordId.isEmpty() ? Endpoint.OTHER : switch (m) {
                case "PATCH" -> Endpoint.UPDATE;
                case "DELETE" -> Endpoint.DELETE;
                default -> Endpoint.OTHER;
            };
        }
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant received = Instant.now();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Route route = Route.of(exchange.getRequestURI().getRawPath());
        String token = bearerToken(exchange.getRequestHeaders().getFirst("Authorization"));
        boolean authenticated = token != null && (acceptedTokens.isEmpty() || acceptedTokens.contains(token));
        String body = null;
        JsonNode json = null;
        SandboxResponse response;
        try {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
            json = parse(body);
            response = respond(method, route, rawQuery, authenticated && !faults.credentialsRefused(), token, body, json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response = null;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Sandbox failed to answer " + method + " " + path, e);
            response = SandboxResponse.of(new ApiError(500, "SERVER_ERROR", "internal error"));
        }
        // recorded before answering, so a client that got its answer always finds its request in the log
        log.record(new RecordedRequest(received, method, path, rawQuery, route.endpoint(method, json), route.table(),
                hint(token), authenticated, body, response == null ? RecordedRequest.DROPPED : response.status(),
                errorType(response)));
        try {
            if (response != null) {
                send(exchange, response);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Client went away before the answer to " + method + " " + path, e);
        } finally {
            // without sent response headers, close() drops the connection: that is how drops reach the client
            exchange.close();
        }
    }

    /** The answer to one request; {@code null} to drop the connection. */
    private SandboxResponse respond(String method, Route route, String rawQuery, boolean authenticated, String token,
            String body, JsonNode json) throws InterruptedException {
        Duration latency = faults.takeLatency();
        if (!latency.isZero() && !latency.isNegative()) {
            Thread.sleep(latency.toMillis());
        }
        if (faults.takeDrop()) {
            return null;
        }
        Optional<Integer> forced = faults.takeFailure();
        if (forced.isPresent()) {
            return SandboxResponse.of(forcedError(forced.get()));
        }
        try {
            if (!authenticated) {
                // 401, "authentication_required": the token is missing, passed incorrectly or invalid
                // (https://support.airtable.com/docs/airtable-api-common-troubleshooting)
                throw new ApiError(401, ApiError.AUTHENTICATION_REQUIRED,
                        token == null ? "Authentication required" : "Invalid authentication token");
            }
            if (!route.v0()) {
                throw ApiError.notFound("Could not find what you are looking for");
            }
            if (!baseId.equals(route.baseId())) {
                throw new ApiError(403, ApiError.INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND, "Invalid permissions, or the"
                        + " requested model was not found. Check that both your user and your token have the required"
                        + " permissions, and that the model names and/or ids are correct.");
            }
            if (!rateLimiter.tryAcquire()) {
                throw new ApiError(429, ApiError.TOO_MANY_REQUESTS, ApiError.RATE_LIMIT_MESSAGE);
            }
            Endpoint endpoint = route.endpoint(method, json);
            if (endpoint == Endpoint.OTHER) {
                throw ApiError.notFound("Could not find what you are looking for");
            }
            boolean needsBody = endpoint != Endpoint.DELETE && endpoint != Endpoint.DELETE_MANY;
            if (needsBody && (json == null || !json.isObject())) {
                // 400: "the request can't be parsed as a valid JSON" (https://airtable.com/developers/web/api/errors)
                throw new ApiError(400, ApiError.INVALID_REQUEST_BODY,
                        body == null ? "Invalid request: the request has no body" : "Could not parse request body");
            }
            SandboxResponse answer = api.handle(endpoint, route.table(), route.recordId(), parseQuery(rawQuery),
                    json == null ? Json.object() : json);
            Optional<Integer> lost = faults.takeFailureAfterApplying();
            return lost.isEmpty() ? answer
                    : SandboxResponse.of(new ApiError(lost.get(), "SERVER_ERROR", "Injected failure " + lost.get()
                            + " after the request was applied (sandbox fault injection)"));
        } catch (ApiError e) {
            return SandboxResponse.of(e);
        }
    }

    private static ApiError forcedError(int status) {
        String type = switch (status) {
            case 401 -> ApiError.AUTHENTICATION_REQUIRED;
            case 403 -> ApiError.INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND;
            case 404 -> ApiError.NOT_FOUND;
            case 429 -> ApiError.TOO_MANY_REQUESTS;
            default -> status >= 500 ? "SERVER_ERROR" : ApiError.INVALID_REQUEST_UNKNOWN;
        };
        return new ApiError(status, type, status == 429 ? ApiError.RATE_LIMIT_MESSAGE
                : "Injected failure " + status + " (sandbox fault injection)");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String errorType(SandboxResponse response) {
        if (response == null || response.status() < 400 || !(response.body() instanceof ObjectNode body)) {
            return null;
        }
        JsonNode type = body.path("error").get("type");
        return type == null ? null : type.asText();
    }

    private static void send(HttpExchange exchange, SandboxResponse response) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** Enough to tell tokens apart in a log, never enough to reuse one. */
    static String hint(String token) {
        if (token == null) {
            return null;
        }
        return token.length() >= 12 ? "****" + token.substring(token.length() - 4) : "****";
    }
}
