package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/**
 * On PostgreSQL one statement claims the record and reads its sync row: a row another transaction is writing
 * (as the previous holder's completion does) is waited for, and the version it commits is the one used.
 */
@QuarkusTest
@PostgresTest
class SyncNowReadsLatestRowTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @Inject
    DataSource dataSource;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        fixtures.reset();
        hubspot = crms.get("hubspot");
    }

    @Test
    void aRowBeingWrittenIsWaitedForAndItsNewVersionUsed() throws Exception {
        User user = fixtures.user("ada@example.com", "Ada");
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        User changed = fixtures.update(user, u -> u.lastName = "Lovelace");
        String other = hubspot.upsert("contacts", Map.of("email", "other@example.com"), "email", null);

        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement update = writer.prepareStatement("UPDATE crm_synchronisations SET crm_id = ?"
                    + " WHERE crm_name = 'hubspot' AND resource_type = 'User' AND resource_id = ?")) {
                update.setString(1, other);
                update.setString(2, String.valueOf(user.id));
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<SyncResult> sync = CompletableFuture.supplyAsync(() -> etlify.crm("hubspot").syncNow(changed));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingLocks() > 0);
            assertThat(sync).isNotDone();
            writer.commit();
            assertThat(sync.get()).isEqualTo(SyncResult.SYNCED);
        }
        assertThat(hubspot.calls("upsert")).last().satisfies(call -> assertThat(call.crmId()).isEqualTo(other));
        assertThat(hubspot.objects("contacts").get(other)).containsEntry("email", "ada@example.com");
        assertThat(fixtures.syncRow("hubspot", "User", user.id).crmId).isEqualTo(other);
    }

    private long waitingLocks() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM pg_locks WHERE NOT granted");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
