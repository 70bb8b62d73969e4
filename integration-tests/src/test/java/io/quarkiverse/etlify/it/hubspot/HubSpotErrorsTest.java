package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.CrmTransportException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmUnavailableException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Typed errors (never carrying the token), retries with backoff, timeouts and the circuit breaker. */
@QuarkusTest
@PostgresTest
@TestProfile(HubSpotProfile.class)
class HubSpotErrorsTest extends HubSpotTestBase {

    @Test
    void aRefusedTokenIsUnauthorizedAndTheTokenIsNowhereInTheError() {
        CrmUnauthorizedException error = catchThrowableOfType(CrmUnauthorizedException.class,
                () -> adapter("wrongtoken").upsert("contacts", Map.of("email", "ada@example.com"), "email", null));

        assertThat(error.status()).isEqualTo(401);
        assertThat(error.category()).isEqualTo("INVALID_AUTHENTICATION");
        assertThat(error.correlationId()).isNotBlank();
        assertThat(error.isTransient()).isFalse();
        assertThat(everythingAbout(error)).doesNotContain(HubSpotProfile.WRONG_TOKEN, HubSpotProfile.TOKEN);
        assertThat(sandbox.requests()).hasSize(1).allSatisfy(request -> assertThat(request.authenticated()).isFalse());
    }

    @Test
    void validationErrorsCarryStatusCategoryCorrelationIdAndDetails() {
        String ada = sandbox.seed("contacts", Map.of("email", "ada@example.com")).id();
        String bob = sandbox.seed("contacts", Map.of("email", "bob@example.com")).id();
        sandbox.faults().failInputsWhere((type, properties) -> "Rejected".equals(properties.get("firstname")));
        CrmAdapter hubspot = adapter("hubspot");

        CrmValidationException conflict = catchThrowableOfType(CrmValidationException.class,
                () -> hubspot.upsert("contacts", Map.of("email", "ada@example.com"), "email", bob));
        CrmValidationException invalid = catchThrowableOfType(CrmValidationException.class,
                () -> hubspot.upsert("companies", Map.of("firstname", "Rejected"), null, null));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.category()).isEqualTo("CONFLICT");
        assertThat(conflict.getMessage()).contains("PATCH /crm/v3/objects/contacts/" + bob, "Existing ID: " + ada);
        assertThat(conflict.correlationId()).isNotBlank();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.category()).isEqualTo("VALIDATION_ERROR");
        assertThat(invalid.getMessage()).contains("POST /crm/v3/objects/companies", "Property values were not valid");
        assertThat(everythingAbout(conflict) + everythingAbout(invalid)).doesNotContain(HubSpotProfile.TOKEN);
        assertThat(sandbox.totalRequests()).as("client errors are not retried").isEqualTo(2);
    }

    @Test
    void aFailedSyncStoresTheErrorWithoutTheToken() {
        sandbox.faults().failNext(1, 400);
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.ERROR);

        String lastError = fixtures.syncRow("hubspot", "User", user.id).lastError;
        assertThat(lastError).contains("CrmValidationException", "[status 400]", "VALIDATION_ERROR", "correlation id")
                .doesNotContain(HubSpotProfile.TOKEN);
    }

    @Test
    void notFoundIsTyped() {
        CrmNotFoundException error = catchThrowableOfType(CrmNotFoundException.class,
                () -> adapter("hubspot").delete("deals", "424242"));

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.category()).isEqualTo("OBJECT_NOT_FOUND");
        assertThat(error.getMessage()).contains("DELETE /crm/v3/objects/deals/424242");
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        sandbox.faults().failNext(2, 503);

        String id = adapter("hubspot").upsert("contacts", Map.of("email", "ada@example.com"), "email", null);

        assertThat(sandbox.object("contacts", id)).isPresent();
        assertThat(sandbox.statusCounts()).containsEntry(503, 2L).containsEntry(200, 1L);
        assertThat(sandbox.requestCount(EndpointKind.BATCH_UPSERT)).isEqualTo(3);
    }

    @Test
    void serverErrorsOutlastingTheRetriesAreTransientApiErrors() {
        sandbox.faults().failNext(4, 502);

        CrmApiException error = catchThrowableOfType(CrmApiException.class,
                () -> adapter("hubspot").upsert("contacts", Map.of("email", "ada@example.com"), "email", null));

        assertThat(error.status()).isEqualTo(502);
        assertThat(error.isTransient()).isTrue();
        assertThat(error.correlationId()).isNotBlank();
        assertThat(sandbox.totalRequests()).as("first attempt and 3 retries").isEqualTo(4);
        assertThat(sandbox.count("contacts")).isZero();
    }

    @Test
    void droppedConnectionsAreTransportErrorsAndRetried() {
        sandbox.faults().dropNext(1);
        String id = adapter("hubspot").upsert("contacts", Map.of("email", "ada@example.com"), "email", null);
        assertThat(sandbox.object("contacts", id)).isPresent();

        sandbox.faults().dropNext(4);
        CrmTransportException error = catchThrowableOfType(CrmTransportException.class,
                () -> adapter("hubspot").upsert("contacts", Map.of("email", "bob@example.com"), "email", null));
        assertThat(error.status()).isZero();
        assertThat(error.isTransient()).isTrue();
        assertThat(error.getMessage()).contains("POST /crm/v3/objects/contacts/batch/upsert");
        assertThat(sandbox.statusCount(0)).isEqualTo(5);
    }

    @Test
    void answersSlowerThanTheReadTimeoutAreTransportErrorsAndRetried() {
        // read-timeout is 1500 ms in this profile
        sandbox.faults().latencyNext(1, Duration.ofSeconds(3));

        String id = adapter("hubspot").upsert("contacts", Map.of("email", "ada@example.com"), "email", null);

        assertThat(sandbox.object("contacts", id)).isPresent();
        // the sandbox records the slow request once it finally answers it, and HubSpot would apply it too:
        // an upsert by e-mail, so applying it late makes no second contact
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sandbox.requestCount(EndpointKind.BATCH_UPSERT)).isEqualTo(2));
        assertThat(sandbox.count("contacts")).isEqualTo(1);
    }

    @Test
    void aCrmThatKeepsFailingOpensItsCircuitBreakerAndCallsFailFast() {
        sandbox.faults().failNext(4, 503);
        CrmAdapter fragile = adapter("fragile");
        for (int i = 0; i < 4; i++) {
            String email = "user" + i + "@example.com";
            assertThat(catchThrowableOfType(CrmApiException.class,
                    () -> fragile.upsert("contacts", Map.of("email", email), "email", null)).status()).isEqualTo(503);
        }

        CrmUnavailableException open = catchThrowableOfType(CrmUnavailableException.class,
                () -> fragile.upsert("contacts", Map.of("email", "later@example.com"), "email", null));

        assertThat(open.category()).isEqualTo("CIRCUIT_BREAKER_OPEN");
        assertThat(open.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(etlify.crm("fragile").state().condition()).isEqualTo(CrmState.Condition.CIRCUIT_OPEN);
        assertThat(open.getMessage()).contains("fragile");
        assertThat(sandbox.totalRequests()).as("no request while open").isEqualTo(4);
        assertThat(adapter("hubspot").upsert("contacts", Map.of("email", "ada@example.com"), "email", null))
                .as("one circuit breaker per CRM").isNotBlank();

        circuitBreakers.reset("etlify-crm-fragile");
        assertThat(fragile.upsert("contacts", Map.of("email", "later@example.com"), "email", null)).isNotBlank();
    }

    private static String everythingAbout(CrmException error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace + " " + error.details() + " " + error.category() + " " + error.correlationId();
    }
}
