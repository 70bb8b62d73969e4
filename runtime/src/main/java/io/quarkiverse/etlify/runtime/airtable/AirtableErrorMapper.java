package io.quarkiverse.etlify.runtime.airtable;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;

/**
 * Turns Airtable's error answers ({@code {"error": {"type": "...", "message": "..."}}}, see
 * https://airtable.com/developers/web/api/errors) into typed {@link CrmException}s carrying the error type as
 * category: 401/403 unauthorized (a refused token, or a token without access to the base or table: Airtable
 * answers {@code INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND} for both), 404 not found, 400/409/413/422
 * validation (e.g. {@code UNKNOWN_FIELD_NAME}, {@code INVALID_VALUE_FOR_COLUMN}), 429 rate limited with
 * Airtable's 30-second penalty, anything else an API error. The access token is masked from everything
 * Airtable sends back.
 */
final class AirtableErrorMapper {

    /**
     * How long Airtable wants no request after a 429: "you will receive a 429 status code and will need to
     * wait 30 seconds before subsequent requests will succeed" (https://airtable.com/developers/web/api/rate-limits).
     */
    static final Duration PENALTY = Duration.ofSeconds(30);
    /** Airtable's limit, named in rate-limit messages. */
    static final String POLICY = "5 requests per second per base";
    private static final int MAX_TEXT = 1000;

    private final ObjectMapper json;
    private final String secret;

    AirtableErrorMapper(ObjectMapper json, String secret) {
        this.json = json;
        this.secret = secret;
    }

    /**
     * The exception for an error answer.
     *
     * @param request what was sent, e.g. {@code PATCH /v0/appX/People}
     */
    CrmException map(String request, int status, String body) {
        JsonNode root = parse(body);
        String type = type(root);
        String airtableMessage = message(root);
        String message = bounded(mask("Airtable answered " + status + " to " + request
                + (type != null ? ": " + type : "") + (airtableMessage != null ? ": " + airtableMessage
                        : type == null && body != null && !body.isBlank() ? ": " + body : "")));
        return switch (status) {
            case 401, 403 -> new CrmUnauthorizedException(message + " (check the token, its data.records:write scope"
                    + " and its access to the base, and the table's id or name)", status, type, null, null);
            case 404 -> new CrmNotFoundException(message, status, type, null, null);
            case 400, 409, 413, 422 -> new CrmValidationException(message, status, type, null, null);
            case 429 -> new CrmRateLimitedException(message, type, null, PENALTY,
                    CrmRateLimitedException.Scope.SHORT_WINDOW, POLICY);
            default -> new CrmApiException(message, status, type, null, null);
        };
    }

    /** The exception for a request that got no answer (I/O error, timeout). */
    CrmTransportException transport(String request, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        // no cause attached: its message chain could carry request details we do not control
        return new CrmTransportException(bounded(mask("Airtable did not answer " + request + ": " + reason)), null);
    }

    /** Masks the token from a text that may echo a request. */
    String mask(String text) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    // {"error": {"type": ...}}, or a bare {"error": "NOT_FOUND"} as Airtable answers unknown routes
    private static String type(JsonNode root) {
        JsonNode error = root == null ? null : root.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        if (error.isTextual()) {
            return error.asText();
        }
        return text(error, "type");
    }

    private static String message(JsonNode root) {
        JsonNode error = root == null ? null : root.get("error");
        String message = error != null && error.isObject() ? text(error, "message") : null;
        return message != null ? message : text(root, "message");
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String bounded(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }
}
