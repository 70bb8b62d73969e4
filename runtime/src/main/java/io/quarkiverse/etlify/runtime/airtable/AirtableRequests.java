package io.quarkiverse.etlify.runtime.airtable;

import java.net.ConnectException;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.CrmAmbiguousWriteException;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.runtime.throttle.CrmCallGuard;

/**
 * Sends one HTTP request to Airtable through the CRM's guard (permit, 429 penalty, retries, circuit breaker)
 * and turns error answers and I/O failures into typed exceptions.
 */
final class AirtableRequests {

    /** What a request is, for metrics and messages. */
    enum Operation {
        UPDATE("update"),
        UPSERT("upsert"),
        CREATE("create"),
        BATCH_UPSERT("batch-upsert"),
        BATCH_UPDATE("batch-update"),
        BATCH_CREATE("batch-create"),
        DELETE("delete"),
        BATCH_DELETE("batch-delete");

        final String metricName;

        Operation(String metricName) {
            this.metricName = metricName;
        }
    }

    /** A successful answer: its status and body ({@code null} when empty). */
    record Answer(int status, String body) {
    }

    private final CrmCallGuard guard;
    private final AirtableErrorMapper errors;
    private final ObjectMapper json;

    AirtableRequests(CrmCallGuard guard, AirtableErrorMapper errors, ObjectMapper json) {
        this.guard = guard;
        this.errors = errors;
        this.json = json;
    }

    /**
     * Sends a request that Airtable applies once however often it is sent (an update, an upsert on merge
     * fields, a delete): transient failures are retried.
     *
     * @param request what is sent, for messages, e.g. {@code PATCH /v0/appX/People}
     */
    Answer send(Operation operation, String request, Supplier<Response> call) {
        return guard.call(operation.metricName, () -> once(request, call, false));
    }

    /**
     * Sends a create, which Airtable cannot recognise when sent twice: once it may have reached Airtable, a
     * server error or a lost answer is a {@link CrmAmbiguousWriteException}, not retried. Only a connection
     * never made is retried.
     */
    Answer sendCreate(Operation operation, String request, Supplier<Response> call) {
        return guard.call(operation.metricName, () -> once(request, call, true));
    }

    /** The body of a successful answer, read as {@code type}. */
    <T> T read(String request, Answer answer, Class<T> type) {
        if (answer.body() == null || answer.body().isBlank()) {
            throw new CrmApiException("Airtable answered " + answer.status() + " without a body to " + request, 0, null,
                    null, null);
        }
        try {
            return json.readValue(answer.body(), type);
        } catch (JsonProcessingException e) {
            throw new CrmApiException(errors.mask("Airtable answered " + request + " with a body that is not the expected"
                    + " JSON: " + e.getOriginalMessage()), 0, null, null, null);
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
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (response.getStatus() >= 400) {
                CrmException failure = errors.map(request, response.getStatus(), body);
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

    private static CrmAmbiguousWriteException ambiguous(CrmException failure) {
        return new CrmAmbiguousWriteException(failure.getMessage() + " (Airtable may have created the record: not sent"
                + " again)", failure.status(), failure.category(), failure.correlationId(), null);
    }

    private static boolean neverConnected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
