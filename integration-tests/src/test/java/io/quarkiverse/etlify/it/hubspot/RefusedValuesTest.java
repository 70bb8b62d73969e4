package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.hubspot.sandbox.RecordedRequest;
import io.quarkiverse.etlify.it.Lead;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.sync.BatchOutcome;
import io.quarkiverse.etlify.runtime.sync.BatchSynchronizer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Values HubSpot would split or refuse fail their own record of a batch sync, before any request. */
@QuarkusTest
@PostgresTest
@TestProfile(HubSpotProfile.class)
class RefusedValuesTest extends HubSpotTestBase {

    @Inject
    BatchSynchronizer synchronizer;

    @Inject
    MappingRegistry mappings;

    @Test
    void aValueHubSpotWouldSplitOrRefuseFailsOnlyItsRecordAndIsNeverSent() {
        Lead ada = fixtures.lead("ada@example.com", "Ada", lead -> lead.interests = "chess,music");
        Lead split = fixtures.lead("bob@example.com", "Bob", lead -> lead.interests = "chess,rock;roll");
        Lead tooLong = fixtures.lead("cy@example.com", "Cy", lead -> lead.notes = "n".repeat(65_537));
        Lead dee = fixtures.lead("dee@example.com", "Dee", lead -> lead.notes = "n".repeat(65_536));

        BatchOutcome outcome = synchronizer.sync(registry.find("hubspot").orElseThrow(),
                mappings.mappingFor(Lead.class, "hubspot").orElseThrow(),
                List.of(ada.id, split.id, tooLong.id, dee.id), false);

        assertThat(outcome.results()).containsEntry(ada.id.toString(), SyncResult.SYNCED)
                .containsEntry(dee.id.toString(), SyncResult.SYNCED)
                .containsEntry(split.id.toString(), SyncResult.ERROR)
                .containsEntry(tooLong.id.toString(), SyncResult.ERROR);
        CrmSynchronisation splitRow = fixtures.syncRow("hubspot", "Lead", split.id);
        assertThat(splitRow.lastError).contains("Property interests of the contacts payload",
                "the list element at index 1 holds a ';'");
        assertThat(splitRow.errorCount).isEqualTo(1);
        assertThat(splitRow.crmId).isNull();
        assertThat(fixtures.syncRow("hubspot", "Lead", tooLong.id).lastError)
                .contains("Property notes of the contacts payload", "65537 characters long", "65536");

        assertThat(sandbox.findBy("contacts", "email", "ada@example.com").orElseThrow().properties())
                .containsEntry("interests", "chess;music");
        assertThat(sandbox.findBy("contacts", "email", "dee@example.com")).isPresent();
        assertThat(sandbox.count("contacts")).isEqualTo(2);
        assertThat(requestKinds()).containsExactly(EndpointKind.BATCH_UPSERT);
        assertThat(sandbox.requests()).extracting(RecordedRequest::body)
                .allSatisfy(body -> assertThat(body).doesNotContain("rock", "bob@example.com", "cy@example.com"));
    }
}
