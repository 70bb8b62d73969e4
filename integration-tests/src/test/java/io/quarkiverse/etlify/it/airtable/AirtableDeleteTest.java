package io.quarkiverse.etlify.it.airtable;

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
import io.quarkiverse.etlify.airtable.sandbox.Endpoint;
import io.quarkiverse.etlify.airtable.sandbox.RecordedRequest;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** delete (404 = not found, which the engine treats as deleted) and batchDelete (10 per request). */
@QuarkusTest
@PostgresTest
@TestProfile(AirtableProfile.class)
class AirtableDeleteTest extends AirtableTestBase {

    @Test
    void deleteRemovesByIdAndAnUnknownIdIsNotFound() {
        String id = airtable.seed("people", Map.of("email", "ada@example.com")).id();

        adapter("mirror").delete("people", id);

        assertThat(airtable.record("people", id)).isEmpty();
        assertThatThrownBy(() -> adapter("mirror").delete("people", id))
                .isInstanceOf(CrmNotFoundException.class)
                .satisfies(e -> assertThat(((CrmNotFoundException) e).category()).isEqualTo("NOT_FOUND"));
        assertThat(endpoints()).containsExactly(Endpoint.DELETE, Endpoint.DELETE);
        assertThat(airtable.requests().get(0).path()).isEqualTo(path("people") + "/" + id);
    }

    @Test
    void theEngineDeletesAndTreatsARecordGoneFromAirtableAsDeleted() {
        User ada = fixtures.user("ada@example.com", "Ada");
        User bob = fixtures.user("bob@example.com", "Bob");
        assertThat(etlify.crm("mirror").syncNow(ada)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("mirror").syncNow(bob)).isEqualTo(SyncResult.SYNCED);
        adapter("mirror").delete("people", fixtures.syncRow("mirror", "User", bob.id).crmId);

        assertThat(etlify.crm("mirror").delete(ada)).isEqualTo(DeleteResult.DELETED);
        assertThat(etlify.crm("mirror").delete(bob)).isEqualTo(DeleteResult.DELETED);

        assertThat(airtable.count("people")).isZero();
        assertThat(fixtures.syncRow("mirror", "User", ada.id).crmId).isNull();
        assertThat(fixtures.syncRow("mirror", "User", bob.id).crmId).isNull();
    }

    @Test
    void batchDeleteGoesTenPerRequestAndCountsGoneRecordsAsDeleted() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(airtable.seed("Companies", Map.of("name", "Company " + i)).id());
        }
        // in the third request: Airtable refuses it as a whole, its records are then deleted one by one
        ids.add("recGoneGoneGone01");
        ids.add("not-an-airtable-id");

        Map<String, CrmException> outcomes = adapter("mirror").batchDelete("Companies", ids);

        assertThat(adapter("mirror").supportsBatchDelete()).isTrue();
        assertThat(outcomes).hasSize(27).allSatisfy((id, error) -> assertThat(error).isNull());
        assertThat(airtable.count("Companies")).isZero();
        assertThat(airtable.requests(Endpoint.DELETE_MANY)).extracting(RecordedRequest::status)
                .containsExactly(200, 200, 404);
        assertThat(airtable.requests(Endpoint.DELETE_MANY).get(0).query()).contains("records");
        assertThat(airtable.requests(Endpoint.DELETE)).hasSize(6);
    }
}
