package io.quarkiverse.etlify.runtime.hubspot;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.CrmAmbiguousWriteException;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.runtime.throttle.CrmCallGuard;
import io.quarkiverse.etlify.runtime.throttle.RequestThrottle;

/**
 * Sends one HTTP request to HubSpot through the CRM's guard (permit, 429 handling, retries, circuit
 * breaker), feeds HubSpot's rate-limit headers to the throttle and turns error answers and I/O
 * failures into typed exceptions.
 */
final class HubSpotRequests {

    static final String REMAINING = "X-HubSpot-RateLimit-Remaining";
    static final String MAX = "X-HubSpot-RateLimit-Max";
    static final String SECONDLY = "X-HubSpot-RateLimit-Secondly";
    static final String SECONDLY_REMAINING = "X-HubSpot-RateLimit-Secondly-Remaining";

    /** A successful answer: its status and body ({@code null} when empty). */
    record Answer(int status, String body) {
    }

    private final CrmCallGuard guard;
    private final HubSpotErrorMapper errors;
    private final ObjectMapper json;

    HubSpotRequests(CrmCallGuard guard, HubSpotErrorMapper errors, ObjectMapper json) {
        this.guard = guard;
        this.errors = errors;
        this.json = json;
    }

    HubSpotErrorMapper errors() {
        return errors;
    }

    /**
     * Sends a request.
     *
     * @param request what is sent, for messages, e.g. {@code POST /crm/v3/objects/contacts/batch/upsert}
     * @param call sends it
     */
    Answer send(String request, Supplier<Response> call) {
        return guard.call(operation(request), () -> once(request, call, false));
    }

    /**
     * Sends a create, which HubSpot cannot recognise when sent twice: once it may have reached HubSpot,
     * a server error or a lost answer is a {@link CrmAmbiguousWriteException}, not retried. Only a
     * connection never made is retried.
     */
    Answer sendCreate(String request, Supplier<Response> call) {
        return guard.call(operation(request), () -> once(request, call, true));
    }

    /** The body of a successful answer, read as {@code type}. */
    <T> T read(String request, Answer answer, Class<T> type) {
        if (answer.body() == null || answer.body().isBlank()) {
            throw new CrmApiException("HubSpot answered " + answer.status() + " without a body to " + request, 0, null,
                    null, null);
        }
        try {
            return json.readValue(answer.body(), type);
        } catch (JsonProcessingException e) {
            throw new CrmApiException("HubSpot answered " + request + " with a body that is not the expected JSON: "
                    + e.getOriginalMessage(), 0, null, null, null);
        }
    }

    private Answer once(String request, Supplier<Response> call, boolean create) {
        Response response;
        try {
            response = call.get();
        } catch (ProcessingException e) {
            CrmException failure = errors.transport(request, e);
            throw create && !neverConnected(e) ? ambiguous(failure) : failure;
        }
        try {
            observe(guard.throttle(), response);
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (response.getStatus() >= 400) {
                CrmException failure = errors.map(request, response.getStatus(), response::getHeaderString, body);
                throw create && response.getStatus() >= 500 ? ambiguous(failure) : failure;
            }
            return new Answer(response.getStatus(), body);
        } catch (ProcessingException e) {
            CrmException failure = errors.transport(request, e);
            throw create ? ambiguous(failure) : failure;
        } finally {
            response.close();
        }
    }

    /**
     * What a request is, for metrics: {@code create}, {@code update}, {@code delete}, {@code search} or
     * {@code batch-} and the batch endpoint ({@code batch-upsert}, {@code batch-archive}...), never an id.
     */
    static String operation(String request) {
        int batch = request.indexOf("/batch/");
        if (batch >= 0) {
            return "batch-" + request.substring(batch + "/batch/".length());
        }
        if (request.endsWith("/search")) {
            return "search";
        }
        String method = request.substring(0, Math.max(0, request.indexOf(' ')));
        return switch (method) {
            case "POST" -> "create";
            case "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    private static CrmAmbiguousWriteException ambiguous(CrmException failure) {
        return new CrmAmbiguousWriteException(failure.getMessage() + " (HubSpot may have created the record: not sent"
                + " again; its next sync looks for it first)", failure.status(), failure.category(),
                failure.correlationId(), null);
    }

    private static boolean neverConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static void observe(RequestThrottle throttle, Response response) {
        Long interval = number(response.getHeaderString(HubSpotErrorMapper.INTERVAL_HEADER));
        Long remaining = number(response.getHeaderString(REMAINING));
        Long max = number(response.getHeaderString(MAX));
        if (interval != null && remaining != null && max != null) {
            throttle.observeRemaining(remaining, max, Duration.ofMillis(interval));
        }
        Long secondlyRemaining = number(response.getHeaderString(SECONDLY_REMAINING));
        Long secondly = number(response.getHeaderString(SECONDLY));
        if (secondlyRemaining != null && secondly != null) {
            throttle.observeRemaining(secondlyRemaining, secondly, Duration.ofSeconds(1));
        }
    }

    private static Long number(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
