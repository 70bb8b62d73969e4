package io.quarkiverse.etlify.runtime.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;

class HubSpotErrorMapperTest {

    private static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final HubSpotErrorMapper mapper = new HubSpotErrorMapper(new ObjectMapper(), TOKEN, NEW_YORK);
    private final Map<String, String> headers = new HashMap<>();

    @Test
    void statusesMapToTypedExceptionsWithCategoryCorrelationIdAndDetails() {
        String body = "{\"status\":\"error\",\"message\":\"Property values were not valid\",\"correlationId\":\"c-1\","
                + "\"category\":\"VALIDATION_ERROR\",\"errors\":[{\"message\":\"bad date\",\"code\":\"INVALID_DATE\"}]}";

        assertThat(map(400, body)).isInstanceOf(CrmValidationException.class);
        assertThat(map(409, body)).isInstanceOf(CrmValidationException.class);
        assertThat(map(422, body)).isInstanceOf(CrmValidationException.class);
        assertThat(map(401, body)).isInstanceOf(CrmUnauthorizedException.class);
        assertThat(map(403, body)).isInstanceOf(CrmUnauthorizedException.class);
        assertThat(map(404, body)).isInstanceOf(CrmNotFoundException.class);
        assertThat(map(500, body)).isInstanceOf(CrmApiException.class).matches(CrmException::isTransient);
        assertThat(map(418, body)).isInstanceOf(CrmApiException.class).matches(e -> !e.isTransient());

        CrmException error = map(400, body);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.category()).isEqualTo("VALIDATION_ERROR");
        assertThat(error.correlationId()).isEqualTo("c-1");
        assertThat(error.getMessage()).isEqualTo("HubSpot answered 400 to POST /x: Property values were not valid");
        assertThat(error.details()).contains("INVALID_DATE", "bad date");
    }

    @Test
    void theCorrelationIdFallsBackToTheHeaderAndANonJsonBodyIsKept() {
        headers.put("X-HubSpot-Correlation-Id", "from-header");

        CrmException error = map(502, "<html>Bad gateway</html>");

        assertThat(error.correlationId()).isEqualTo("from-header");
        assertThat(error.getMessage()).contains("502", "Bad gateway");
        assertThat(error.category()).isNull();
    }

    @Test
    void theTokenIsMaskedWhereverHubSpotEchoesIt() {
        CrmException error = map(401, "{\"message\":\"token " + TOKEN + " is invalid\",\"category\":\"INVALID_AUTHENTICATION\","
                + "\"correlationId\":\"c\",\"context\":{\"token\":[\"" + TOKEN + "\"]}}");

        assertThat(error.getMessage()).doesNotContain(TOKEN).contains("***");
        assertThat(error.details()).doesNotContain(TOKEN);
    }

    @Test
    void a429CarriesThePolicyAndTheWaitHubSpotAskedFor() {
        String body = "{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\",\"errorType\":\"RATE_LIMIT\","
                + "\"correlationId\":\"c\",\"policyName\":\"SECONDLY\",\"category\":\"RATE_LIMITS\"}";

        headers.put("Retry-After", "3");
        CrmRateLimitedException withHeader = (CrmRateLimitedException) map(429, body);
        headers.clear();
        CrmRateLimitedException secondly = (CrmRateLimitedException) map(429, body);

        assertThat(withHeader.policy()).isEqualTo("SECONDLY");
        assertThat(withHeader.scope()).isEqualTo(CrmRateLimitedException.Scope.SHORT_WINDOW);
        assertThat(withHeader.category()).isEqualTo("RATE_LIMITS");
        assertThat(withHeader.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(secondly.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRollingLimitWaitsItsIntervalAndADailyLimitUntilMidnightInTheAccountsZone() {
        String rolling = "{\"message\":\"m\",\"policyName\":\"TEN_SECONDLY_ROLLING\",\"category\":\"RATE_LIMITS\"}";
        String daily = "{\"message\":\"m\",\"policyName\":\"DAILY\",\"category\":\"RATE_LIMITS\"}";

        CrmRateLimitedException withoutInterval = (CrmRateLimitedException) map(429, rolling);
        headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", "2500");
        CrmRateLimitedException withInterval = (CrmRateLimitedException) map(429, rolling);
        CrmRateLimitedException untilMidnight = (CrmRateLimitedException) map(429, daily);

        assertThat(withoutInterval.retryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(withInterval.retryAfter()).isEqualTo(Duration.ofMillis(2500));
        assertThat(withInterval.scope()).isEqualTo(CrmRateLimitedException.Scope.SHORT_WINDOW);
        assertThat(untilMidnight.scope()).isEqualTo(CrmRateLimitedException.Scope.DAILY_QUOTA);
        ZonedDateTime midnight = LocalDate.now(NEW_YORK).plusDays(1).atStartOfDay(NEW_YORK);
        assertThat(ZonedDateTime.now(NEW_YORK).plus(untilMidnight.retryAfter()))
                .isCloseTo(midnight, within(5, ChronoUnit.SECONDS));
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneId.of("GMT")).plusMinutes(1));

        assertThat(HubSpotErrorMapper.parseRetryAfter(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThat(HubSpotErrorMapper.parseRetryAfter("soon")).isNull();
        assertThat(HubSpotErrorMapper.parseRetryAfter(null)).isNull();
    }

    @Test
    void inputErrorsOfA207AnswerAreTypedByTheirCategory() {
        HubSpotJson.InputError conflict = new HubSpotJson.InputError("error", "CONFLICT", "Contact already exists. Existing ID: 7",
                Map.of("objectWriteTraceId", List.of("3")));
        HubSpotJson.InputError missing = new HubSpotJson.InputError("error", "OBJECT_NOT_FOUND", "gone",
                Map.of("ids", List.of("9")));
        HubSpotJson.InputError numbered = new HubSpotJson.InputError("422", "WHATEVER", "no", null);

        CrmException conflictError = mapper.inputError("POST /batch", conflict);
        assertThat(conflictError).isInstanceOf(CrmValidationException.class);
        assertThat(conflictError.status()).isEqualTo(409);
        assertThat(conflictError.details()).contains("objectWriteTraceId");
        assertThat(mapper.inputError("POST /batch", missing)).isInstanceOf(CrmNotFoundException.class);
        assertThat(mapper.inputError("POST /batch", numbered)).isInstanceOf(CrmValidationException.class);
    }

    @Test
    void transportFailuresNameTheRequestAndTheRootCauseOnly() {
        CrmTransportException error = mapper.transport("PATCH /crm/v3/objects/contacts/1",
                new RuntimeException("wrapper", new IOException("outer", new ConnectException("Connection refused"))));

        assertThat(error.getMessage()).isEqualTo(
                "HubSpot did not answer PATCH /crm/v3/objects/contacts/1: ConnectException: Connection refused");
        assertThat(error.status()).isZero();
        assertThat(error.isTransient()).isTrue();
        assertThat(error.getCause()).isNull();
    }

    private CrmException map(int status, String body) {
        return mapper.map("POST /x", status, headers::get, body);
    }
}
