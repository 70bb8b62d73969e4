package io.quarkiverse.etlify.runtime.airtable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;

class AirtableErrorMapperTest {

    private static final String TOKEN = "patAbCdEf01234567.0123456789abcdef0123456789abcdef";

    private final AirtableErrorMapper mapper = new AirtableErrorMapper(new ObjectMapper(), TOKEN);

    @Test
    void statusesMapToTypedExceptionsCarryingAirtablesErrorType() {
        assertThat(map(401, "AUTHENTICATION_REQUIRED", "Authentication required"))
                .isInstanceOf(CrmUnauthorizedException.class);
        assertThat(map(403, "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", "Invalid permissions"))
                .isInstanceOf(CrmUnauthorizedException.class)
                .hasMessageContaining("access to the base");
        assertThat(map(404, "NOT_FOUND", "Could not find what you are looking for"))
                .isInstanceOf(CrmNotFoundException.class);
        CrmException unknownField = map(422, "UNKNOWN_FIELD_NAME", "Unknown field name: \"nickname\"");
        assertThat(unknownField).isInstanceOf(CrmValidationException.class)
                .hasMessage("Airtable answered 422 to PATCH /v0/appX/People: UNKNOWN_FIELD_NAME: Unknown field name:"
                        + " \"nickname\"");
        assertThat(unknownField.category()).isEqualTo("UNKNOWN_FIELD_NAME");
        assertThat(unknownField.isRecordSpecific()).isTrue();
        assertThat(map(413, "REQUEST_TOO_LARGE", "too large")).isInstanceOf(CrmValidationException.class);
        assertThat(map(503, "SERVICE_UNAVAILABLE", "later")).isInstanceOf(CrmApiException.class)
                .satisfies(e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void a429WaitsAirtablesThirtySecondPenaltyAsAShortWindow() {
        CrmRateLimitedException limited = (CrmRateLimitedException) map(429, "TOO_MANY_REQUESTS",
                "Rate limit exceeded. Please try again later");

        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(limited.scope()).isEqualTo(CrmRateLimitedException.Scope.SHORT_WINDOW);
        assertThat(limited.policy()).isEqualTo("5 requests per second per base");
        assertThat(limited.isTransient()).isTrue();
    }

    @Test
    void aBareErrorStringOrNoBodyIsUnderstoodToo() {
        CrmException bare = mapper.map("DELETE /v0/appX/People/recX", 404, "{\"error\":\"NOT_FOUND\"}");
        CrmException empty = mapper.map("DELETE /v0/appX/People/recX", 502, null);

        assertThat(bare).isInstanceOf(CrmNotFoundException.class);
        assertThat(bare.category()).isEqualTo("NOT_FOUND");
        assertThat(empty).isInstanceOf(CrmApiException.class).hasMessage("Airtable answered 502 to DELETE /v0/appX/People/recX");
    }

    @Test
    void theTokenIsMaskedFromWhatAirtableEchoes() {
        CrmException echoed = map(422, "INVALID_REQUEST_UNKNOWN", "Invalid request near Bearer " + TOKEN);
        CrmTransportException transport = mapper.transport("POST /v0/appX/People",
                new IOException("connection reset while sending " + TOKEN));

        assertThat(echoed.getMessage()).doesNotContain(TOKEN).contains("***");
        assertThat(transport.getMessage()).doesNotContain(TOKEN).contains("IOException");
        assertThat(transport.getCause()).isNull();
    }

    private CrmException map(int status, String type, String message) {
        return mapper.map("PATCH /v0/appX/People", status,
                "{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}}");
    }
}
