package io.quarkiverse.etlify.hubspot.sandbox;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * HubSpot's error bodies: the top-level {@code Error} shape ({@code status}, {@code message}, {@code correlationId},
 * {@code category}, ...) and the per-input {@code StandardError} entries of 207 batch answers.
 */
final class HubSpotErrors {

    static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    static final String OBJECT_NOT_FOUND = "OBJECT_NOT_FOUND";
    static final String CONFLICT = "CONFLICT";
    static final String INVALID_AUTHENTICATION = "INVALID_AUTHENTICATION";
    static final String RATE_LIMITS = "RATE_LIMITS";

    static final String MISSING_CREDENTIALS = "Authentication credentials not found. This API supports OAuth 2.0"
            + " authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";
    static final String INVALID_CREDENTIALS = "Authentication credentials are invalid: the access token provided"
            + " is not recognized.";

    private HubSpotErrors() {
    }

    /** A top-level error body. */
    static ObjectNode error(String category, String message, String correlationId) {
        ObjectNode body = Json.object();
        body.put("status", "error");
        body.put("message", message);
        body.put("correlationId", correlationId);
        body.put("category", category);
        return body;
    }

    static SandboxResponse response(int status, String category, String message, String correlationId) {
        return new SandboxResponse(status, error(category, message, correlationId));
    }

    static ApiException validation(String message, String correlationId) {
        return new ApiException(response(400, VALIDATION_ERROR, message, correlationId));
    }

    static ApiException notFound(String correlationId) {
        return new ApiException(response(404, OBJECT_NOT_FOUND, "resource not found", correlationId));
    }

    /** HubSpot's 409 for a unique value that is taken, e.g. {@code Contact already exists. Existing ID: 123}. */
    static String conflictMessage(String objectType, String existingId) {
        return ObjectTypes.displayName(objectType) + " already exists. Existing ID: " + existingId;
    }

    static ApiException conflict(String objectType, UniqueConflictException conflict, String correlationId) {
        return new ApiException(response(409, CONFLICT, conflictMessage(objectType, conflict.existingId()),
                correlationId));
    }

    /** The 400 answered to a request the contract rejects; every finding becomes an {@code errors} entry. */
    static ObjectNode contractViolation(List<ContractValidator.Finding> findings, String correlationId) {
        String first = findings.get(0).message();
        ObjectNode body = error(VALIDATION_ERROR, "Invalid input: " + first, correlationId);
        ArrayNode errors = body.putArray("errors");
        for (ContractValidator.Finding finding : findings) {
            errors.addObject().put("message", finding.message()).put("code", finding.key());
        }
        return body;
    }

    /** HubSpot's 429 body; {@code category} is added so the body also satisfies the contract's Error schema. */
    static ObjectNode rateLimited(RateLimitPolicy policy, String groupName, String correlationId) {
        ObjectNode body = Json.object();
        body.put("status", "error");
        body.put("message", "You have reached your " + policy.messageName() + " limit.");
        body.put("errorType", "RATE_LIMIT");
        body.put("correlationId", correlationId);
        body.put("policyName", policy.name());
        body.put("groupName", groupName);
        body.put("category", RATE_LIMITS);
        return body;
    }

    /** One per-input error of a 207 batch answer ({@code StandardError}). */
    static ObjectNode batchError(String category, String message, Map<String, List<String>> context) {
        ObjectNode error = Json.object();
        error.put("status", "error");
        error.put("category", category);
        error.put("message", message);
        ObjectNode ctx = error.putObject("context");
        context.forEach((key, values) -> {
            ArrayNode array = ctx.putArray(key);
            values.forEach(array::add);
        });
        error.putArray("errors");
        error.putObject("links");
        return error;
    }
}
