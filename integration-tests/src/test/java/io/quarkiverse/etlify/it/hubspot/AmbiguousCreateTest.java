package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.hubspot.sandbox.CrmObject;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.it.Company;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Companies have no unique id property: HubSpot creates one per create request. A create that HubSpot
 * applied but answered with a server error is not sent again blindly; the next sync finds what it
 * wrote and updates it, so each company exists once.
 */
@QuarkusTest
@PostgresTest
@TestProfile(HubSpotProfile.class)
class AmbiguousCreateTest extends HubSpotTestBase {

    @Test
    void aCreateAppliedThenAnsweredWithAServerErrorIsFoundAndUpdatedNotCreatedTwice() {
        Company acme = companies(1).get(0);
        sandbox.faults().failAfterApplyingNext(1, 503);

        assertThat(etlify.crm("hubspot").syncNow(acme)).isEqualTo(SyncResult.DEFERRED);
        assertThat(sandbox.objects("companies")).as("applied once, not retried").hasSize(1);

        // its durable request is retried (by a queue worker, or by this call): first a search for the lost create
        etlify.crm("hubspot").forceSyncNow(acme);
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.syncRow("hubspot", "Company", acme.id).crmId != null);

        CrmObject created = sandbox.objects("companies").get(0);
        assertThat(sandbox.objects("companies")).hasSize(1);
        assertThat(sandbox.requestCount(EndpointKind.SEARCH)).isEqualTo(1);
        CrmSynchronisation synced = fixtures.syncRow("hubspot", "Company", acme.id);
        assertThat(synced.crmId).isEqualTo(created.id());
        assertThat(synced.errorCount).as("the CRM's failure, not the record's").isZero();
    }

    @Test
    void aBatchOfCreatesAppliedThenAnsweredWithAServerErrorIsReconciledRecordByRecord() {
        List<Company> companies = companies(5);
        sandbox.faults().failAfterApplyingNext(1, 502);

        BatchSyncStats first = etlify.batchSync(BatchSync.options().crm("hubspot").models(Company.class).inline());
        assertThat(first.deferred()).isEqualTo(5);
        assertThat(first.errors()).isZero();
        assertThat(sandbox.objects("companies")).hasSize(5);

        BatchSyncStats second = etlify.batchSync(BatchSync.options().crm("hubspot").models(Company.class).inline());

        assertThat(second.total()).isEqualTo(5);
        assertThat(second.deferred()).isZero();
        assertThat(sandbox.objects("companies")).as("each company once").hasSize(5);
        Set<String> ids = sandbox.objects("companies").stream().map(CrmObject::id).collect(Collectors.toSet());
        assertThat(companies).allSatisfy(company -> assertThat(ids)
                .contains(fixtures.syncRow("hubspot", "Company", company.id).crmId));
        assertThat(sandbox.requestCount(EndpointKind.BATCH_CREATE)).isEqualTo(1);
    }

    private List<Company> companies(int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Company> companies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Company company = new Company();
                company.name = "Company " + i;
                company.domain = "company-" + i + ".example.com";
                company.persist();
                companies.add(company);
            }
            return companies;
        });
    }
}
