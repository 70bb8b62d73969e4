package io.quarkiverse.etlify.runtime.hubspot;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * Turns HubSpot's error answers into typed {@link CrmException}s: 401/403 unauthorized, 404 not
 * found, 400/409/422 validation, 429 rate limited (with the wait HubSpot asked for), anything else
 * an API error; each with HubSpot's {@code category}, {@code correlationId} and details. The access
 * token is masked from everything HubSpot sends back.
 */
final class HubSpotErrorMapper {

    static final String CORRELATION_HEADER = "X-HubSpot-Correlation-Id";
    static final String INTERVAL_HEADER = "X-HubSpot-RateLimit-Interval-Milliseconds";
    /** HubSpot's name of its daily limit policy. */
    static final String DAILY = "DAILY";
    private static final int MAX_TEXT = 1000;

    private final ObjectMapper json;
    private final String secret;
    private final ZoneId accountTimeZone;

    HubSpotErrorMapper(ObjectMapper json, String secret, ZoneId accountTimeZone) {
        this.json = json;
        this.secret = secret;
        this.accountTimeZone = accountTimeZone;
    }

    /**
     * The exception for an error answer.
     *
     * @param request what was sent, e.g. {@code PATCH /crm/v3/objects/contacts/123}
     * @param headers answer headers by name
     */
    CrmException map(String request, int status, Function<String, String> headers, String body) {
        JsonNode error = parse(body);
        String category = text(error, "category");
        String correlationId = text(error, "correlationId");
        if (correlationId == null) {
            correlationId = headers.apply(CORRELATION_HEADER);
        }
        String hubspotMessage = text(error, "message");
        String message = mask("HubSpot answered " + status + " to " + request
                + (hubspotMessage != null ? ": " + hubspotMessage : body == null || body.isBlank() ? "" : ": " + body));
        message = bounded(message);
        String details = details(error);
        return switch (status) {
            case 401, 403 -> new CrmUnauthorizedException(message, status, category, correlationId, details);
            case 404 -> new CrmNotFoundException(message, status, category, correlationId, details);
            case 400, 409, 422 -> new CrmValidationException(message, status, category, correlationId, details);
            case 429 -> {
                String policy = text(error, "policyName");
                // HubSpot's daily limit is a quota until midnight in the account's time zone; its other
                // policies are short windows
                CrmRateLimitedException.Scope scope = DAILY.equalsIgnoreCase(policy) ? CrmRateLimitedException.Scope.DAILY_QUOTA
                        : CrmRateLimitedException.Scope.SHORT_WINDOW;
                yield new CrmRateLimitedException(message, category, correlationId, retryAfter(policy, headers), scope,
                        policy);
            }
            default -> new CrmApiException(message, status, category, correlationId, details);
        };
    }

    /** The exception of one failed input of a 207 batch answer. */
    CrmException inputError(String request, HubSpotJson.InputError error) {
        int status = parseStatus(error.status(), error.category());
        String message = bounded(mask("HubSpot refused this input of " + request + ": " + error.message()));
        String details = error.context() == null || error.context().isEmpty() ? null : bounded(mask(write(error.context())));
        return switch (status) {
            case 404 -> new CrmNotFoundException(message, status, error.category(), null, details);
            case 400, 409, 422 -> new CrmValidationException(message, status, error.category(), null, details);
            default -> new CrmApiException(message, status, error.category(), null, details);
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
        return new CrmTransportException(bounded(mask("HubSpot did not answer " + request + ": " + reason)), null);
    }

    /** How long HubSpot asked to wait: {@code Retry-After}, else the window of the policy that was hit. */
    private Duration retryAfter(String policy, Function<String, String> headers) {
        Duration asked = parseRetryAfter(headers.apply("Retry-After"));
        if (asked != null) {
            return asked;
        }
        if (DAILY.equalsIgnoreCase(policy)) {
            ZonedDateTime now = ZonedDateTime.now(accountTimeZone);
            ZonedDateTime midnight = LocalDate.now(accountTimeZone).plusDays(1).atStartOfDay(accountTimeZone);
            return Duration.between(now, midnight);
        }
        if ("SECONDLY".equalsIgnoreCase(policy)) {
            return Duration.ofSeconds(1);
        }
        String interval = headers.apply(INTERVAL_HEADER);
        if (interval != null) {
            try {
                return Duration.ofMillis(Long.parseLong(interval.trim()));
            } catch (NumberFormatException e) {
                // fall through to the policy's documented window
            }
        }
        return "TEN_SECONDLY_ROLLING".equalsIgnoreCase(policy) ? Duration.ofSeconds(10) : null;
    }

    /** {@code Retry-After}: delay in seconds or an HTTP date. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static int parseStatus(String status, String category) {
        if (status != null) {
            try {
                return Integer.parseInt(status.trim());
            } catch (NumberFormatException e) {
                // HubSpot usually sends "error" here: fall back to the category
            }
        }
        if (category == null) {
            return 0;
        }
        return switch (category) {
            case "OBJECT_NOT_FOUND" -> 404;
            case "CONFLICT" -> 409;
            case "VALIDATION_ERROR", "INVALID_PROPERTY_VALUE" -> 400;
            case "RATE_LIMITS" -> 429;
            default -> 0;
        };
    }

    private String details(JsonNode error) {
        if (error == null) {
            return null;
        }
        StringBuilder details = new StringBuilder();
        for (String field : List.of("errors", "context", "subCategory")) {
            JsonNode node = error.get(field);
            if (node != null && !node.isNull() && !(node.isContainerNode() && node.isEmpty())) {
                details.append(details.isEmpty() ? "" : " ").append(field).append('=').append(node);
            }
        }
        return details.isEmpty() ? null : bounded(mask(details.toString()));
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

    private String write(Map<String, List<String>> context) {
        try {
            return json.writeValueAsString(context);
        } catch (Exception e) {
            return context.toString();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private String mask(String text) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
    }

    private static String bounded(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    }
}
