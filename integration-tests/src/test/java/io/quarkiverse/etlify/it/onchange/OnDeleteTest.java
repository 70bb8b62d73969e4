package io.quarkiverse.etlify.it.onchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.hubspot.sandbox.CrmObject;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code @Etlified(onDelete = ...)}: with {@code DELETE} (Investor) deleting a record through Hibernate archives its
 * CRM object (by the CRM id of its sync row, which is then removed); with {@code KEEP} (Prospect) nothing happens.
 */
@QuarkusTest
@PostgresTest
@TestProfile(SyncOnChangeProfile.class)
class OnDeleteTest extends SyncOnChangeTestBase {

    @Test
    void deletingARecordMappedWithDeleteArchivesItsCrmObjectAndForgetsItsSyncRow() {
        Investor ada = investor("ada@example.com", "Ada");
        String crmId = contact("ada@example.com").orElseThrow().id();

        change(() -> Investor.<Investor> findById(ada.id).delete());

        await().atMost(REACHES_CRM).untilAsserted(() -> assertThat(sandbox.archivedObjects("contacts"))
                .extracting(CrmObject::id).containsExactly(crmId));
        await().atMost(REACHES_CRM).until(() -> fixtures.syncRow("changes", "Investor", ada.id) == null);
        assertThat(pendingRequests()).isZero();
    }

    @Test
    void deletingARecordMappedWithKeepLeavesItsCrmObject() {
        Prospect prospect = create(() -> {
            Prospect p = new Prospect();
            p.email = "lin@example.com";
            p.firstName = "Lin";
            p.persist();
            return p;
        });
        awaitContact("lin@example.com", "firstname", "Lin");

        change(() -> Prospect.<Prospect> findById(prospect.id).delete());

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4))
                .until(() -> pendingRequests() == 0 && sandbox.archivedObjects("contacts").isEmpty());
        assertThat(contact("lin@example.com")).isPresent();
        assertThat(fixtures.syncRow("changes", "Prospect", prospect.id).crmId).isNotNull();
    }

    @Test
    void aRecordCreatedAndDeletedInOneTransactionReachesNothing() {
        change(() -> {
            Investor investor = new Investor();
            investor.email = "ghost@example.com";
            investor.persist();
            Investor.flush();
            investor.delete();
        });

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4))
                .until(() -> pendingRequests() == 0 && fixtures.syncRows("changes") == 0);
        assertThat(sandbox.totalRequests()).isZero();
    }

    @Test
    void aDeleteTheCrmNoLongerKnowsCountsAsDone() {
        Investor ada = investor("ada@example.com", "Ada");
        // the CRM lost the record: its delete answers 404
        sandbox.reset();

        change(() -> Investor.<Investor> findById(ada.id).delete());

        await().atMost(REACHES_CRM).until(() -> fixtures.syncRow("changes", "Investor", ada.id) == null);
        assertThat(sandbox.requests()).singleElement().satisfies(request -> assertThat(request.status()).isEqualTo(404));
    }

    @Test
    void aRefusedDeleteIsCountedAndRetriedUntilTheCrmTakesIt() {
        Investor ada = investor("ada@example.com", "Ada");
        String crmId = contact("ada@example.com").orElseThrow().id();
        sandbox.faults().failNext(2, 400);

        change(() -> Investor.<Investor> findById(ada.id).delete());

        await().atMost(REACHES_CRM).untilAsserted(() -> assertThat(sandbox.archivedObjects("contacts"))
                .extracting(CrmObject::id).containsExactly(crmId));
        await().atMost(REACHES_CRM).until(() -> fixtures.syncRow("changes", "Investor", ada.id) == null);
        assertThat(sandbox.statusCount(400)).isEqualTo(2);
    }
}
