package io.quarkiverse.etlify.it.airtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.airtable.sandbox.StoredRecord;
import io.quarkiverse.etlify.hubspot.sandbox.CrmObject;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkiverse.etlify.test.InjectHubSpotSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The test domain's {@code User} is mapped twice: to HubSpot contacts ({@code hubspot}) and to the Airtable table
 * {@code people} ({@code mirror}); one sync reaches both, each CRM keeping its own id and state.
 */
@QuarkusTest
@PostgresTest
@TestProfile(AirtableProfile.class)
class HubSpotAndAirtableTest extends AirtableTestBase {

    @InjectHubSpotSandbox
    HubSpotSandbox hubspot;

    @BeforeEach
    void cleanHubSpot() {
        hubspot.reset();
    }

    @Test
    void oneSyncReachesHubSpotAndAirtable() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.sync(user)).isTrue();

        await().atMost(Duration.ofSeconds(15)).until(() -> hubspot.count("contacts") == 1 && airtable.count("people") == 1);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> fixtures.syncRows("hubspot") == 1 && fixtures.syncRows("mirror") == 1);
        CrmObject contact = hubspot.findBy("contacts", "email", "ada@example.com").orElseThrow();
        StoredRecord person = airtable.findBy("people", "email", "ada@example.com").orElseThrow();
        assertThat(contact.properties()).containsEntry("firstname", "Ada").containsEntry("investment_count", "0");
        assertThat(person.text("firstname")).isEqualTo("Ada");
        assertThat(person.field("investment_count").asInt()).as("a number in Airtable, a string in HubSpot").isZero();
        assertThat(fixtures.syncRow("hubspot", "User", user.id).crmId).isEqualTo(contact.id());
        assertThat(fixtures.syncRow("mirror", "User", user.id).crmId).isEqualTo(person.id());
    }

    @Test
    void eachCrmKeepsItsOwnStateAndABatchSyncCoversBoth() {
        User first = fixtures.users(12).get(0);
        assertThat(etlify.crm("mirror").syncNow(first)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("mirror").syncNow(first)).isEqualTo(SyncResult.NOT_MODIFIED);
        assertThat(fixtures.syncRows("hubspot")).isZero();

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot", "mirror").models(User.class).inline());

        assertThat(stats.perCrm().get("hubspot")).containsExactly(Map.entry("User", new BatchSyncStats.Counts(12, 0, 0)));
        assertThat(stats.perCrm().get("mirror")).containsExactly(Map.entry("User", new BatchSyncStats.Counts(11, 0, 0)));
        assertThat(hubspot.count("contacts")).isEqualTo(12);
        assertThat(airtable.count("people")).isEqualTo(12);
        assertThat(etlify.crm("mirror").countStale(User.class)).isZero();
        assertThat(etlify.crm("hubspot").countStale(User.class)).isZero();
    }
}
