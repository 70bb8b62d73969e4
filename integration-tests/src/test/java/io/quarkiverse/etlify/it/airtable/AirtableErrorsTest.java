package io.quarkiverse.etlify.it.airtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmAmbiguousWriteException;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.airtable.sandbox.Endpoint;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Typed errors carrying Airtable's error type (never the token), retries, timeouts, ambiguous creates. */
@QuarkusTest
@PostgresTest
@TestProfile(AirtableProfile.class)
class AirtableErrorsTest extends AirtableTestBase {

    @Test
    void aRefusedTokenIsUnauthorizedAndTheTokenIsNowhereInTheError() {
        CrmUnauthorizedException error = catchThrowableOfType(CrmUnauthorizedException.class,
                () -> adapter("wrongtoken").upsert("people", Map.of("email", "ada@example.com"), "email", null));

        assertThat(error.status()).isEqualTo(401);
        assertThat(error.category()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(error.isTransient()).isFalse();
        assertThat(everythingAbout(error)).doesNotContain(AirtableProfile.WRONG_TOKEN, AirtableProfile.TOKEN);
        assertThat(airtable.requests()).singleElement().satisfies(request -> assertThat(request.authenticated()).isFalse());
    }

    @Test
    void anUnknownTableIsForbiddenAsAirtableAnswersIt() {
        CrmUnauthorizedException error = catchThrowableOfType(CrmUnauthorizedException.class,
                () -> adapter("burst").upsert("Nobody", Map.of("name", "x"), null, null));

        assertThat(error.status()).isEqualTo(403);
        assertThat(error.category()).isEqualTo("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
        assertThat(error.getMessage()).contains("POST " + path("Nobody"), "table's id or name");
    }

    @Test
    void unknownFieldsAndRefusedValuesAreValidationErrorsWithAirtablesType() {
        CrmAdapter mirror = adapter("mirror");

        CrmValidationException unknown = catchThrowableOfType(CrmValidationException.class,
                () -> mirror.upsert("people", Map.of("email", "ada@example.com", "nickname", "Ada"), "email", null));
        CrmValidationException option = catchThrowableOfType(CrmValidationException.class,
                () -> mirror.upsert("Leads", Map.of("email", "ada@example.com", "plan", "platinum"), "email", null));
        airtable.faults().failNext(1, 413);
        CrmValidationException tooLarge = catchThrowableOfType(CrmValidationException.class,
                () -> mirror.upsert("people", Map.of("email", "ada@example.com"), "email", null));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.category()).isEqualTo("UNKNOWN_FIELD_NAME");
        assertThat(unknown.getMessage()).contains("PATCH " + path("people"), "Unknown field name: \"nickname\"");
        assertThat(unknown.isRecordSpecific()).isTrue();
        assertThat(option.category()).isEqualTo("INVALID_MULTIPLE_CHOICE_OPTIONS");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(airtable.totalRequests()).as("client errors are not retried").isEqualTo(3);
    }

    @Test
    void aFailedSyncStoresTheErrorWithoutTheToken() {
        airtable.faults().failNext(1, 422);
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("mirror").syncNow(user)).isEqualTo(SyncResult.ERROR);

        String lastError = fixtures.syncRow("mirror", "User", user.id).lastError;
        assertThat(lastError).contains("CrmValidationException", "[status 422]", "INVALID_REQUEST_UNKNOWN")
                .doesNotContain(AirtableProfile.TOKEN);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndThenTransient() {
        airtable.faults().failNext(2, 503);
        String id = adapter("mirror").upsert("people", Map.of("email", "ada@example.com"), "email", null);
        assertThat(airtable.record("people", id)).isPresent();
        assertThat(airtable.statusCounts()).containsEntry(503, 2L).containsEntry(200, 1L);

        airtable.faults().failNext(4, 502);
        CrmApiException error = catchThrowableOfType(CrmApiException.class,
                () -> adapter("mirror").upsert("people", Map.of("email", "bob@example.com"), "email", null));
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.isTransient()).isTrue();
        assertThat(airtable.statusCount(502)).as("first attempt and 3 retries").isEqualTo(4);
    }

    @Test
    void droppedConnectionsAndSlowAnswersAreTransportErrorsAndRetried() {
        airtable.faults().dropNext(1);
        assertThat(adapter("mirror").upsert("people", Map.of("email", "ada@example.com"), "email", null)).isNotBlank();

        // read-timeout is 1500 ms for this CRM: the slow upsert is retried, and applied twice by merge field
        airtable.faults().latencyNext(1, Duration.ofSeconds(3));
        assertThat(adapter("mirror").upsert("people", Map.of("email", "bob@example.com"), "email", null)).isNotBlank();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(airtable.requestCount(Endpoint.UPSERT)).isEqualTo(4));
        assertThat(airtable.count("people")).isEqualTo(2);

        airtable.faults().dropNext(4);
        CrmTransportException error = catchThrowableOfType(CrmTransportException.class,
                () -> adapter("mirror").upsert("people", Map.of("email", "eve@example.com"), "email", null));
        assertThat(error.isTransient()).isTrue();
        assertThat(error.getMessage()).contains("PATCH " + path("people"));
    }

    @Test
    void aCreateWhoseAnswerIsLostIsNotSentAgain() {
        airtable.faults().failAfterApplyingNext(1, 502);

        CrmAmbiguousWriteException error = catchThrowableOfType(CrmAmbiguousWriteException.class,
                () -> adapter("mirror").upsert("Companies", Map.of("name", "Acme"), null, null));

        assertThat(error.getMessage()).contains("may have created the record");
        assertThat(airtable.requestCount(Endpoint.CREATE)).isEqualTo(1);
        assertThat(airtable.count("Companies")).isEqualTo(1);
    }

    private static String everythingAbout(CrmException error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace + " " + error.details() + " " + error.category() + " " + error.correlationId();
    }
}
