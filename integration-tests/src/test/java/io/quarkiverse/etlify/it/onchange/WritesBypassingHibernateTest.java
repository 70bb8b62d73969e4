package io.quarkiverse.etlify.it.onchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A bulk JPQL update bypasses Hibernate's events: not seen at once, it is synced by the next batch sync. */
@QuarkusTest
@PostgresTest
@TestProfile(SyncOnChangeProfile.class)
class WritesBypassingHibernateTest extends SyncOnChangeTestBase {

    @Test
    void aBulkUpdateIsNotSeenAtOnceButTheNextBatchSyncSyncsIt() {
        Investor ada = investor("ada@example.com", "Ada");

        change(() -> Investor.update("firstName = ?1, updatedAt = ?2 where id = ?3", "Bulk", Instant.now(), ada.id));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> pendingRequests() == 0);
        assertThat(contact("ada@example.com").orElseThrow().property("firstname")).isEqualTo("Ada");

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("changes").models(Investor.class).inline());

        assertThat(stats.total()).isEqualTo(1);
        assertThat(contact("ada@example.com").orElseThrow().property("firstname")).isEqualTo("Bulk");
    }
}
