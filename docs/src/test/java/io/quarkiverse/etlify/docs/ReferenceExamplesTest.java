package io.quarkiverse.etlify.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.acme.batch.Resync;
import org.acme.crm.Company;
import org.acme.crm.Employee;
import org.acme.crm.Note;
import org.acme.jobs.SyncJob;
import org.acme.ops.CrmMaintenance;
import org.acme.quickstart.User;
import org.acme.sync.UserCrmCalls;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.RecordSyncState;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Runs the reference pages' examples (org.acme.*) against the in-memory CRMs, as the pages describe them. */
@QuarkusTest
class ReferenceExamplesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    Etlify etlify;

    @Inject
    InMemoryCrms crms;

    @Inject
    EntityManager em;

    @Inject
    UserCrmCalls calls;

    @Inject
    Resync resync;

    @Inject
    CrmMaintenance maintenance;

    @Test
    void anEmployeeWaitsForItsCompanyThenCarriesItsCrmId() {
        Employee employee = QuarkusTransaction.requiringNew().call(() -> {
            Company company = new Company();
            company.name = "Capsens";
            company.domain = "capsens.eu";
            company.persist();
            Employee e = new Employee();
            e.email = "ada@capsens.eu";
            e.jobTitle = "Analyst";
            e.company = company;
            e.persist();
            return e;
        });

        assertThat(etlify.crm("hubspot").syncNow(employee)).isEqualTo(SyncResult.BUFFERED);
        await().atMost(WAIT).until(() -> contact("ada@capsens.eu").map(c -> c.get("associatedcompanyid")).isPresent());
        String companyId = etlify.crm("hubspot").syncState(Company.class, employee.company.id)
                .map(RecordSyncState::crmId).orElseThrow();
        assertThat(contact("ada@capsens.eu").orElseThrow()).containsEntry("associatedcompanyid", companyId)
                .containsEntry("company", "Capsens");
    }

    @Test
    void aNewEmployeeMakesItsCompanyStaleAndInactiveCompaniesAreLeftAlone() {
        Long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            Company active = new Company();
            active.name = "Active";
            active.persist();
            Company inactive = new Company();
            inactive.name = "Dormant";
            inactive.active = false;
            inactive.persist();
            return new Long[] { active.id, inactive.id };
        });
        BatchSyncStats first = resync.usersAndCompaniesNow();
        assertThat(first.perCrm().get("hubspot")).containsKeys("User", "Company");
        assertThat(etlify.crm("hubspot").syncState(Company.class, ids[0])).isPresent();
        assertThat(etlify.crm("hubspot").syncState(Company.class, ids[1])).isEmpty(); // staleScope
        // records another test queued may still be in flight, deferred by this run: the queue syncs them
        await().atMost(WAIT).until(() -> etlify.crm("hubspot").countStale(Company.class) == 0);

        QuarkusTransaction.requiringNew().run(() -> {
            Employee hired = new Employee();
            hired.email = "new@active.example";
            hired.company = Company.findById(ids[0]);
            hired.persist();
        });
        assertThat(etlify.crm("hubspot").countStale(Company.class)).isEqualTo(1);
        assertThat(etlify.crm("hubspot").syncNow(Company.class, ids[0])).isEqualTo(SyncResult.SYNCED);
        assertThat(crms.get("hubspot").objects("companies").values())
                .anySatisfy(company -> assertThat(company).containsEntry("name", "Active").containsEntry("numberofemployees", 1));
    }

    @Test
    void theAdvisedIndexExistsUnderTheColumnNamesHibernateGave() {
        @SuppressWarnings("unchecked")
        List<String> columns = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS c JOIN INFORMATION_SCHEMA.INDEXES i"
                        + " ON i.INDEX_NAME = c.INDEX_NAME AND i.TABLE_NAME = c.TABLE_NAME"
                        + " WHERE c.TABLE_NAME = 'EMPLOYEES' AND i.INDEX_TYPE_NAME = 'INDEX'"
                        + " ORDER BY c.INDEX_NAME, c.ORDINAL_POSITION")
                .getResultList());
        assertThat(columns).containsSubsequence("COMPANY_ID", "UPDATEDAT");
    }

    @Test
    void aNoteGoesThroughTheApplicationsJobQueue() {
        Long noteId = QuarkusTransaction.requiringNew().call(() -> {
            User owner = new User();
            owner.email = "grace@example.com";
            owner.persist();
            Note note = new Note();
            note.user = owner;
            note.body = "called back";
            note.persist();
            assertThat(etlify.sync(note)).isTrue();
            assertThat(SyncJob.count("entityId", note.id)).isEqualTo(1); // in this transaction
            return note.id;
        });

        await().atMost(WAIT).until(() -> crms.get("hubspot").objects("notes").values().stream()
                .anyMatch(note -> "grace@example.com: called back".equals(note.get("hs_note_body"))));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> SyncJob.count("entityId", noteId)) == 0);
    }

    @Test
    void theApiTourRunsAsWritten() {
        User user = QuarkusTransaction.requiringNew().call(() -> {
            User u = new User();
            u.email = "tour@example.com";
            u.firstName = "Tour";
            u.persist();
            return u;
        });
        assertThat(calls.preview(user)).containsEntry("email", "tour@example.com").containsEntry("lastname", null);
        assertThat(calls.syncNow(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(calls.syncNow(user)).isEqualTo(SyncResult.NOT_MODIFIED);
        assertThat(calls.refresh(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(calls.hubSpotIsOn()).isTrue();
        assertThat(maintenance.describe(user)).startsWith("CRM id ").contains("0 error(s)");

        assertThat(calls.rename(user.id, "Guide")).isTrue();
        await().atMost(WAIT).until(() -> contact("tour@example.com").map(c -> c.get("lastname")).filter("Guide"::equals).isPresent());
        assertThat(calls.renameInHubSpotOnly(user.id, "Host")).isTrue();
        await().atMost(WAIT).until(() -> contact("tour@example.com").map(c -> c.get("lastname")).filter("Host"::equals).isPresent());

        assertThat(calls.remove(user)).isEqualTo(DeleteResult.DELETED);
        assertThat(contact("tour@example.com")).isEmpty();
        assertThat(calls.remove(user)).isEqualTo(DeleteResult.NOOP);
    }

    @Test
    void maintenanceCallsRunAsWritten() {
        CrmState paused = maintenance.maintenanceWindow();
        assertThat(paused.condition()).isEqualTo(CrmState.Condition.PAUSED);
        assertThat(paused.reason()).contains("HubSpot maintenance");
        assertThat(etlify.crm("hubspot").state().isUsable()).isTrue();
        assertThat(maintenance.usersTheNextBatchSyncWouldTake()).isNotNegative();
        User user = QuarkusTransaction.requiringNew().call(() -> {
            User u = new User();
            u.email = "repaired@example.com";
            u.persist();
            return u;
        });
        assertThat(maintenance.giveFailedRecordsAnotherChance(user)).isNotNegative();
        assertThat(resync.resendEveryStaleUser().perCrm()).containsKey("hubspot");
        assertThat(resync.everythingInTheBackground().perCrm()).containsKeys("hubspot", "pipedrive");
    }

    private Optional<Map<String, Object>> contact(String email) {
        return crms.get("hubspot").objects("contacts").values().stream()
                .filter(contact -> email.equals(contact.get("email"))).findFirst();
    }
}
