package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.SyncResult;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two records landing on one CRM record, on PostgreSQL; and the race only PostgreSQL lets a test hold open: a sync
 * storing a CRM id that another transaction is storing for another record meanwhile.
 */
@QuarkusTest
@PostgresTest
class PostgresCrmRecordConflictTest extends AbstractCrmRecordConflictTest {

    @Test
    void aSyncStoringACrmIdAnotherRecordIsStoringMeanwhileIsRefusedOnceThatOneCommitted() throws Exception {
        User ada = fixtures.user("ada@example.com", "Ada");
        User shouting = fixtures.user("ADA@example.com", "Shouting Ada");
        assertThat(etlify.crm("hubspot").syncNow(ada)).isEqualTo(SyncResult.SYNCED);
        String contact = fixtures.syncRow("hubspot", "User", ada.id).crmId;
        setCrmId(ada, null);

        try (Connection storing = dataSource.getConnection()) {
            // ada's CRM id stored by a transaction still open when the other sync looks for who holds it
            storing.setAutoCommit(false);
            try (PreparedStatement update = storing.prepareStatement("UPDATE crm_synchronisations SET crm_id = ?"
                    + " WHERE crm_name = 'hubspot' AND resource_type = 'User' AND resource_id = ?")) {
                update.setString(1, contact);
                update.setString(2, ada.id.toString());
                update.executeUpdate();
            }
            CompletableFuture<SyncResult> sync = CompletableFuture
                    .supplyAsync(() -> etlify.crm("hubspot").syncNow(shouting));
            await().atMost(Duration.ofSeconds(10)).until(this::aWriteWaitsForALock);

            storing.commit();

            assertThat(sync.get(10, TimeUnit.SECONDS)).isEqualTo(SyncResult.ERROR);
        }
        assertThat(fixtures.syncRow("hubspot", "User", shouting.id).lastError)
                .startsWith("hubspot contacts record " + contact + " already belongs to User " + ada.id + ":");
        assertThat(fixtures.syncRow("hubspot", "User", ada.id).crmId).isEqualTo(contact);
    }

    private void setCrmId(User user, String crmId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE crm_synchronisations SET crm_id = ?"
                        + " WHERE crm_name = 'hubspot' AND resource_type = 'User' AND resource_id = ?")) {
            update.setString(1, crmId);
            update.setString(2, user.id.toString());
            update.executeUpdate();
        }
    }

    private boolean aWriteWaitsForALock() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
