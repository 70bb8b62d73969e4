package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** delete (404 = not found, which the engine treats as deleted) and batchDelete (archive). */
@QuarkusTest
@PostgresTest
@TestProfile(HubSpotProfile.class)
class HubSpotDeleteTest extends HubSpotTestBase {

    @Test
    void deleteArchivesByIdAndAnUnknownIdIsNotFound() {
        String id = sandbox.seed("contacts", Map.of("email", "ada@example.com")).id();

        adapter("hubspot").delete("contacts", id);

        assertThat(sandbox.object("contacts", id)).isEmpty();
        assertThat(sandbox.archivedObjects("contacts")).extracting(o -> o.id()).containsExactly(id);
        assertThatThrownBy(() -> adapter("hubspot").delete("contacts", id))
                .isInstanceOf(CrmNotFoundException.class)
                .satisfies(e -> assertThat(((CrmNotFoundException) e).category()).isEqualTo("OBJECT_NOT_FOUND"));
        assertThat(requestKinds()).containsExactly(EndpointKind.ARCHIVE, EndpointKind.ARCHIVE);
        assertThat(sandbox.requests().get(0).query()).isNull();
    }

    @Test
    void theEngineDeletesAndTreatsARecordGoneFromHubSpotAsDeleted() {
        User ada = fixtures.user("ada@example.com", "Ada");
        User bob = fixtures.user("bob@example.com", "Bob");
        assertThat(etlify.crm("hubspot").syncNow(ada)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("hubspot").syncNow(bob)).isEqualTo(SyncResult.SYNCED);
        adapter("hubspot").delete("contacts", fixtures.syncRow("hubspot", "User", bob.id).crmId);

        assertThat(etlify.crm("hubspot").delete(ada)).isEqualTo(DeleteResult.DELETED);
        assertThat(etlify.crm("hubspot").delete(bob)).isEqualTo(DeleteResult.DELETED);

        assertThat(sandbox.count("contacts")).isZero();
        assertThat(fixtures.syncRow("hubspot", "User", ada.id).crmId).isNull();
        assertThat(fixtures.syncRow("hubspot", "User", bob.id).crmId).isNull();
    }

    @Test
    void batchDeleteArchivesInRequestsOf100() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(sandbox.seed("companies", Map.of("name", "Company " + i)).id());
        }
        ids.add("987654");

        Map<String, CrmException> outcomes = adapter("hubspot").batchDelete("companies", ids);

        assertThat(adapter("hubspot").supportsBatchDelete()).isTrue();
        assertThat(sandbox.requests(EndpointKind.BATCH_ARCHIVE)).hasSize(2);
        assertThat(outcomes).hasSize(151).allSatisfy((id, error) -> assertThat(error).isNull());
        assertThat(sandbox.count("companies")).isZero();
    }
}
