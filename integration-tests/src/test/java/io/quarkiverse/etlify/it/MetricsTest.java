package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/** Etlify's meters appear in /q/metrics and move as records are synced. */
@QuarkusTest
@PostgresTest
class MetricsTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        fixtures.reset();
        hubspot = crms.get("hubspot");
    }

    @AfterEach
    void resume() {
        etlify.crm("mirror").resume();
    }

    @Test
    void inlineSyncsCountResultsDurationsRequestsAndThrottleWaits() {
        double synced = Scrape.value("etlify_syncs_total", "crm", "hubspot", "model", "User", "result", "synced");
        double notModified = Scrape.value("etlify_syncs_total", "crm", "hubspot", "model", "User", "result",
                "not_modified");
        double durations = Scrape.value("etlify_sync_duration_seconds_count", "crm", "hubspot", "model", "User", "mode",
                "record");
        double upserts = Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "operation", "upsert", "outcome",
                "success");
        double waits = Scrape.value("etlify_crm_throttle_wait_seconds_count", "crm", "hubspot");

        User user = fixtures.user("ada@example.com", "Ada");
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.NOT_MODIFIED);

        assertThat(Scrape.value("etlify_syncs_total", "crm", "hubspot", "model", "User", "result", "synced"))
                .isEqualTo(synced + 1);
        assertThat(Scrape.value("etlify_syncs_total", "crm", "hubspot", "model", "User", "result", "not_modified"))
                .isEqualTo(notModified + 1);
        assertThat(Scrape.value("etlify_sync_duration_seconds_count", "crm", "hubspot", "model", "User", "mode",
                "record")).isEqualTo(durations + 2);
        assertThat(Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "operation", "upsert", "outcome",
                "success")).isEqualTo(upserts + 1);
        assertThat(Scrape.value("etlify_crm_throttle_wait_seconds_count", "crm", "hubspot")).isEqualTo(waits + 1);
    }

    @Test
    void aRejectedRecordCountsAsErrorAndAsFailingUntilItSyncs() {
        double errors = Scrape.value("etlify_syncs_total", "crm", "hubspot", "model", "User", "result", "error");
        double rejected = Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "outcome", "rejected");
        User user = fixtures.user("ada@example.com", "Ada");
        hubspot.failNext(new CrmValidationException("Property email is invalid", 400, "VALIDATION_ERROR", null, null));

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.ERROR);

        assertThat(Scrape.value("etlify_syncs_total", "crm", "hubspot", "model", "User", "result", "error"))
                .isEqualTo(errors + 1);
        assertThat(Scrape.value("etlify_crm_requests_total", "crm", "hubspot", "outcome", "rejected"))
                .isEqualTo(rejected + 1);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> Scrape.value("etlify_records_failing", "crm", "hubspot") == 1);

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> Scrape.value("etlify_records_failing", "crm", "hubspot") == 0);
    }

    @Test
    void theQueueDepthRisesWhileTheCrmIsPausedAndFallsOnceTheQueueDrains() {
        assertThat(Scrape.value("etlify_queue_depth", "crm", "mirror")).isZero();
        // short: the queue retries deferred requests once the pause is over
        etlify.crm("mirror").pause(Duration.ofSeconds(8), "test");
        List<User> users = fixtures.users(3);
        users.forEach(user -> etlify.crm("mirror").sync(user));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> Scrape.value("etlify_queue_depth", "crm", "mirror") == 3);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Scrape.value("etlify_queue_depth", "crm", "mirror") == 0);
        assertThat(Scrape.value("etlify_syncs_total", "crm", "mirror", "model", "User", "result", "synced"))
                .isGreaterThanOrEqualTo(3);
        assertThat(Scrape.value("etlify_sync_duration_seconds_count", "crm", "mirror", "mode", "batch")).isPositive();
    }
}
