package org.acme.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmAmbiguousWriteException;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.smallrye.common.annotation.Identifier;

// tag::adapter[]
/**
 * A CRM whose REST API creates with {@code POST /{type}}, updates with {@code PUT /{type}/{id}},
 * deletes with {@code DELETE /{type}/{id}} and answers {@code {"data": {"id": ...}}}, as Pipedrive's does.
 */
@ApplicationScoped
@Identifier("pipedrive") // quarkus.etlify.crm.<name>.adapter=pipedrive
public class PipedriveAdapter implements CrmAdapter {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final String apiToken;
    private final ObjectMapper json;

    @Inject
    public PipedriveAdapter(@ConfigProperty(name = "pipedrive.base-url") URI baseUrl,
            @ConfigProperty(name = "pipedrive.api-token") String apiToken, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.apiToken = apiToken;
        this.json = json;
    }

    @Override
    public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
        // no upsert by property here: a record with a CRM id is updated, any other one created
        if (crmId != null) {
            return send(request(objectType + "/" + crmId).PUT(body(payload)).build(), false);
        }
        return send(request(objectType).POST(body(payload)).build(), true);
    }

    @Override
    public void delete(String objectType, String crmId) {
        // a 404 becomes CrmNotFoundException, which Etlify counts as deleted
        send(request(objectType + "/" + crmId).DELETE().build(), false);
    }

    private String send(HttpRequest request, boolean create) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // once sent, a create without answer may have been applied: Etlify must not send it again
            throw create ? new CrmAmbiguousWriteException("No answer to " + describe(request), 0, null, null, e)
                    : new CrmTransportException("No answer to " + describe(request) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmTransportException("Interrupted: " + describe(request), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return read(response.body()).path("data").path("id").asText(null);
        }
        String message = describe(request) + " answered " + status; // never the token
        CrmException failure = switch (status) {
            case 401, 403 -> new CrmUnauthorizedException(message, status, null, null, null);
            case 404 -> new CrmNotFoundException(message, status, null, null, null);
            case 400, 409, 422 -> new CrmValidationException(message, status, null, null, response.body());
            case 429 -> new CrmRateLimitedException(message, null, null, retryAfter(response),
                    CrmRateLimitedException.Scope.SHORT_WINDOW, null);
            default -> new CrmApiException(message, status, null, null, response.body()); // 5xx are retried
        };
        if (create && status >= 500) {
            throw new CrmAmbiguousWriteException(message, status, null, null, failure);
        }
        throw failure;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("x-api-token", apiToken).header("Content-Type", "application/json");
    }

    private HttpRequest.BodyPublisher body(Map<String, Object> payload) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CrmApiException("Unreadable answer: " + e.getOriginalMessage(), 200, null, null, null);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)))
                .orElse(null); // null: Etlify waits a second
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }
}
// end::adapter[]
