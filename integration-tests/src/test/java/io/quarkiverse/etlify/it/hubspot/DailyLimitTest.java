package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkiverse.etlify.runtime.throttle.CrmCallGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Once HubSpot's daily limit is reached, the CRM pauses until midnight (account time zone, UTC here), on every
 * instance and across restarts (the pause is kept in the database).
 */
@QuarkusTest
@PostgresTest
@TestProfile(DailyLimitedHubSpotProfile.class)
class DailyLimitTest extends HubSpotTestBase {

    @AfterEach
    void resume() {
        guards.forCrm("hubspot").resume();
    }

    @Test
    void aPauseHoldsEveryInstanceAndOutlivesARestart() {
        CrmAdapter hubspot = adapter("hubspot");
        for (int i = 0; i <= DailyLimitedHubSpotProfile.DAILY_LIMIT; i++) {
            int n = i;
            catchThrowable(() -> hubspot.upsert("contacts", Map.of("email", "u" + n + "@example.com"), "email", null));
        }
        long sent = sandbox.totalRequests();
        // another instance, or this one restarted: its own guard, nothing in memory
        CrmCallGuard otherInstance = guards.independentGuard("hubspot");
        AtomicBoolean called = new AtomicBoolean();

        CrmRateLimitedException held = catchThrowableOfType(CrmRateLimitedException.class,
                () -> otherInstance.call(() -> called.getAndSet(true)));

        assertThat(held.scope()).isEqualTo(CrmRateLimitedException.Scope.DAILY_QUOTA);
        assertThat(called).as("no request spent to learn it").isFalse();
        assertThat(sandbox.totalRequests()).isEqualTo(sent);
        assertThat(otherInstance.pausedUntil()).isEqualTo(guards.pausedUntil("hubspot"));
        CrmState state = etlify.crm("hubspot").state();
        assertThat(state.condition()).isEqualTo(CrmState.Condition.PAUSED);
        assertThat(state.since()).isBeforeOrEqualTo(Instant.now());
        assertThat(state.reason()).contains("429").doesNotContain(HubSpotProfile.TOKEN);

        otherInstance.resume();
        // every instance reads the holds at most a second late
        await().atMost(Duration.ofSeconds(3)).until(() -> !guards.forCrm("hubspot").isPaused());
    }

    @Test
    void theDailyLimitPausesTheCrmUntilItResetsAndCallsFailFastMeanwhile() {
        CrmAdapter hubspot = adapter("hubspot");
        for (int i = 0; i < DailyLimitedHubSpotProfile.DAILY_LIMIT; i++) {
            assertThat(hubspot.upsert("contacts", Map.of("email", "u" + i + "@example.com"), "email", null)).isNotBlank();
        }
        assertThat(guards.forCrm("hubspot").isPaused()).isFalse();

        CrmRateLimitedException limited = catchThrowableOfType(CrmRateLimitedException.class,
                () -> hubspot.upsert("contacts", Map.of("email", "late@example.com"), "email", null));

        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(limited.policy()).isEqualTo("DAILY");
        assertThat(limited.scope()).as("HubSpot's DAILY, in neutral terms").isEqualTo(CrmRateLimitedException.Scope.DAILY_QUOTA);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(guards.forCrm("hubspot").isPaused()).isTrue();
        assertThat(guards.pausedUntil("hubspot")).hasValueSatisfying(
                until -> assertThat(until).isCloseTo(midnight, within(5, ChronoUnit.SECONDS)));
        long sent = sandbox.totalRequests();

        CrmRateLimitedException failFast = catchThrowableOfType(CrmRateLimitedException.class,
                () -> hubspot.upsert("contacts", Map.of("email", "later@example.com"), "email", null));
        CrmRateLimitedException batch = catchThrowableOfType(CrmRateLimitedException.class,
                () -> hubspot.batchUpsert("contacts", "email",
                        List.of(new BatchUpsertInput("k", Map.of("email", "batch@example.com"), null))));
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.DEFERRED);
        assertThat(fixtures.syncRow("hubspot", "User", user.id).lastError).contains("request quota", "429");
        assertThat(fixtures.syncRow("hubspot", "User", user.id).errorCount).as("the CRM's limit, not the record's").isZero();
        assertThat(fixtures.syncRow("hubspot", "User", user.id).syncRequestedAt).as("retried once the CRM resumes")
                .isNotNull();
        assertThat(failFast.scope()).isEqualTo(CrmRateLimitedException.Scope.DAILY_QUOTA);
        assertThat(failFast.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofDays(1));
        assertThat(batch.scope()).isEqualTo(CrmRateLimitedException.Scope.DAILY_QUOTA);
        assertThat(sandbox.totalRequests()).as("nothing sent while paused").isEqualTo(sent);
    }
}
