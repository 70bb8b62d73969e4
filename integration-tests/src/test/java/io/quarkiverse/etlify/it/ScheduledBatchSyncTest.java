package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.runtime.state.LeaseStore;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The cron-scheduled batch sync queues stale records, once per CRM across instances (database lease). */
@QuarkusTest
@PostgresTest
@TestProfile(ScheduledBatchSyncTest.EverySecond.class)
class ScheduledBatchSyncTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.etlify.batch-sync.cron", "*/1 * * * * ?");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @Inject
    LeaseStore leases;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void staleRecordsAreSyncedWithoutAnyCall() {
        fixtures.users(5);

        await().atMost(Duration.ofSeconds(20)).until(() -> memory.get("hubspot").count("contacts") == 5
                && memory.get("mirror").count("people") == 5);
    }

    @Test
    void aCrmWhoseLeaseAnotherInstanceHoldsIsLeftToThatInstance() {
        assertThat(leases.tryAcquire("batch-sync:hubspot", "another-instance", Duration.ofMinutes(5))).isTrue();
        fixtures.users(3);

        await().atMost(Duration.ofSeconds(20)).until(() -> memory.get("mirror").count("people") == 3);
        assertThat(memory.get("hubspot").calls()).isEmpty();

        leases.release("batch-sync:hubspot", "another-instance");
        await().atMost(Duration.ofSeconds(20)).until(() -> memory.get("hubspot").count("contacts") == 3);
    }
}
