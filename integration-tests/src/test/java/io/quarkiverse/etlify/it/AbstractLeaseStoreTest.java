package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.runtime.state.LeaseStore;

/**
 * Database leases, on every supported database (taken by {@code ON CONFLICT} or {@code MERGE}): one holder
 * across instances, expiry, release (the batch-sync lock).
 */
abstract class AbstractLeaseStoreTest {

    @Inject
    LeaseStore leases;

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void oneHolderAtATime() {
        assertThat(leases.tryAcquire("batch-sync:hubspot", "instance-a", Duration.ofMinutes(5))).isTrue();
        assertThat(leases.tryAcquire("batch-sync:hubspot", "instance-b", Duration.ofMinutes(5))).isFalse();
        assertThat(leases.tryAcquire("batch-sync:hubspot", "instance-a", Duration.ofMinutes(5))).as("renewal").isTrue();
        assertThat(leases.tryAcquire("batch-sync:mirror", "instance-b", Duration.ofMinutes(5))).as("per CRM").isTrue();

        leases.release("batch-sync:hubspot", "instance-b");
        assertThat(leases.tryAcquire("batch-sync:hubspot", "instance-b", Duration.ofMinutes(5))).as("not b's to release").isFalse();
        leases.release("batch-sync:hubspot", "instance-a");
        assertThat(leases.tryAcquire("batch-sync:hubspot", "instance-b", Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void anExpiredLeaseCanBeTaken() {
        assertThat(leases.tryAcquire("batch-sync:hubspot", "crashed", Duration.ofMillis(300))).isTrue();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> leases.tryAcquire("batch-sync:hubspot", "survivor", Duration.ofMinutes(5)));
    }
}
