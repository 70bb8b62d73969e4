package io.quarkiverse.etlify.hubspot.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The request pipeline: latency, dropped connection and forced-error faults, then bearer authentication, rate
 * limiting, contract validation and finally the object endpoints. Every request is recorded.
 */
final class SandboxHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SandboxHttpHandler.class.getName());
    private static final String BEARER = "Bearer ";

    private final Set<String> acceptedTokens;
    private final RateLimitEmulator rateLimits;
    private final boolean retryAfterHeader;
    private final ContractValidator validator;
    private final FaultInjector faults;
    private final RequestLog log;
    private final CrmObjectApi api;

    SandboxHttpHandler(Set<String> acceptedTokens, RateLimitEmulator rateLimits, boolean retryAfterHeader,
            ContractValidator validator, FaultInjector faults, RequestLog log, CrmObjectApi api) {
        this.acceptedTokens = acceptedTokens;
        this.rateLimits = rateLimits;
        this.retryAfterHeader = retryAfterHeader;
        this.validator = validator;
        this.faults = faults;
        this.log = log;
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant received = Instant.now();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Route route = Route.of(method, path);
        String token = bearerToken(exchange.getRequestHeaders().getFirst("Authorization"));
        boolean authenticated = token != null && (acceptedTokens.isEmpty() || acceptedTokens.contains(token));
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        SandboxResponse response;
        try {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
            response = respond(exchange, method, path, rawQuery, route, token, authenticated, body, headers, received);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response = null;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Sandbox failed to answer " + method + " " + path, e);
            response = HubSpotErrors.response(500, "INTERNAL_ERROR", "internal error", UUID.randomUUID().toString());
        }
        // Recorded before answering, so a client that got its answer always finds its request in the log.
        log.record(new RecordedRequest(received, method, path, rawQuery, route.kind(), route.objectType(),
                hint(token), authenticated, exchange.getRequestHeaders().getFirst("Content-Type"), body,
                response == null ? RecordedRequest.DROPPED : response.status()));
        try {
            if (response != null) {
                send(exchange, response, headers);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Client went away before the answer to " + method + " " + path, e);
        } finally {
            // Without sent response headers, close() drops the connection: that is how drops reach the client.
            exchange.close();
        }
    }

    /** The answer to one request; {@code null} to drop the connection. */
    private SandboxResponse respond(HttpExchange exchange, String method, String path, String rawQuery, Route route,
            String token, boolean authenticated, String body, Map<String, String> headers, Instant received)
            throws InterruptedException {
        Duration latency = faults.takeLatency();
        if (!latency.isZero() && !latency.isNegative()) {
            Thread.sleep(latency.toMillis());
        }
        if (faults.takeDrop()) {
            return null;
        }
        String correlationId = UUID.randomUUID().toString();
        headers.put("X-HubSpot-Correlation-Id", correlationId);
        Optional<Integer> failure = faults.takeFailure();
        if (failure.isPresent()) {
            int status = failure.get();
            if (status == 429) {
                return new SandboxResponse(429, HubSpotErrors.rateLimited(RateLimitPolicy.TEN_SECONDLY_ROLLING,
                        "publicapi:private-apps", correlationId));
            }
            return HubSpotErrors.response(status, status >= 500 ? "INTERNAL_ERROR" : HubSpotErrors.VALIDATION_ERROR,
                    "Injected failure " + status + " (sandbox fault injection)", correlationId);
        }
        if (!authenticated || faults.credentialsRefused()) {
            return HubSpotErrors.response(401, HubSpotErrors.INVALID_AUTHENTICATION,
                    token == null ? HubSpotErrors.MISSING_CREDENTIALS : HubSpotErrors.INVALID_CREDENTIALS,
                    correlationId);
        }
        RateLimitEmulator.Decision decision = rateLimits.acquire(token, route.kind() == EndpointKind.SEARCH);
        headers.putAll(decision.headers());
        if (!decision.allowed()) {
            if (retryAfterHeader) {
                headers.put("Retry-After", Long.toString(Math.max(1, (decision.retryAfterMillis() + 999) / 1000)));
            }
            String group = decision.search() ? "publicapi:crm-search" : "publicapi:private-apps";
            return new SandboxResponse(429, HubSpotErrors.rateLimited(decision.exceeded(), group, correlationId));
        }
        Map<String, List<String>> query = parseQuery(rawQuery);
        if (validator != null) {
            List<ContractValidator.Finding> findings = findings(validator, method, path, query,
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            if (!findings.isEmpty()) {
                log.violation(violation(received, method, path, rawQuery, body, findings));
                return new SandboxResponse(violationStatus(findings),
                        HubSpotErrors.contractViolation(findings, correlationId));
            }
        }
        if (route.kind() == EndpointKind.OTHER) {
            return HubSpotErrors.response(404, HubSpotErrors.OBJECT_NOT_FOUND,
                    "No such endpoint in the HubSpot sandbox: " + method + " " + path, correlationId);
        }
        SandboxResponse answer;
        try {
            answer = api.handle(route, query, body, correlationId);
        } catch (ApiException e) {
            answer = e.response();
        }
        Duration late = faults.takeAnswerDelay();
        if (!late.isZero()) {
            Thread.sleep(late.toMillis());
        }
        Optional<Integer> lost = faults.takeFailureAfterApplying();
        return lost.isEmpty() ? answer : HubSpotErrors.response(lost.get(), "INTERNAL_ERROR",
                "Injected failure " + lost.get() + " after the request was applied (sandbox fault injection)",
                correlationId);
    }

    /** The requests of the log the contracts reject, checked now (whether or not they were as they arrived). */
    static List<ContractViolation> check(ContractValidator validator, List<RecordedRequest> requests) {
        List<ContractViolation> violations = new ArrayList<>();
        for (RecordedRequest request : requests) {
            List<ContractValidator.Finding> findings = findings(validator, request.method(), request.path(),
                    parseQuery(request.query()), request.contentType(), request.body());
            if (!findings.isEmpty()) {
                violations.add(violation(request.timestamp(), request.method(), request.path(), request.query(),
                        request.body(), findings));
            }
        }
        return violations;
    }

    /**
     * What the contracts reject in a request. Paths outside the object API are not what they describe:
     * nothing (the sandbox answers those with a plain 404, not a violation).
     */
    private static List<ContractValidator.Finding> findings(ContractValidator validator, String method, String path,
            Map<String, List<String>> query, String contentType, String body) {
        return path.startsWith(Route.OBJECTS_PREFIX) ? validator.validateRequest(method, path, query, contentType, body)
                : List.of();
    }

    private static ContractViolation violation(Instant received, String method, String path, String rawQuery,
            String body, List<ContractValidator.Finding> findings) {
        return new ContractViolation(received, method, path, rawQuery, body,
                findings.stream().map(ContractValidator.Finding::toString).toList());
    }

    /** An unknown path or method is HubSpot's 404/405, everything else the contract rejects is a 400. */
    private static int violationStatus(List<ContractValidator.Finding> findings) {
        String key = findings.get(0).key();
        if (key.equals("validation.request.path.missing")) {
            return 404;
        }
        return key.equals("validation.request.operation.notAllowed") ? 405 : 400;
    }

    private static void send(HttpExchange exchange, SandboxResponse response, Map<String, String> headers)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        JsonNode body = response.body();
        if (body == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
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
