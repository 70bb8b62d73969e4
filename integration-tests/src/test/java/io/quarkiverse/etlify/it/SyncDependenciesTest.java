package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.state.PendingSync;
import io.quarkiverse.etlify.runtime.state.PendingSyncStore;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.sync.BatchOutcome;
import io.quarkiverse.etlify.runtime.sync.BatchSynchronizer;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * syncDependencies: buffered until the dependency has a CRM id, released once a sync of the dependency completes
 * without error (synced, unmodified, or skipped with a CRM id); cycles never loop.
 */
@QuarkusTest
@PostgresTest
class SyncDependenciesTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @Inject
    EntityManager em;

    @Inject
    PendingSyncStore pending;

    @Inject
    BatchSynchronizer batchSynchronizer;

    @Inject
    CrmRegistry crms;

    @Inject
    MappingRegistry mappings;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void aUserWaitsForItsCompanyThenFollowsIt() {
        Company acme = fixtures.company("Acme");
        User user = fixtures.update(fixtures.user("ada@example.com", "Ada"), u -> u.company = em.find(Company.class, acme.id));

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.BUFFERED);
        assertThat(pendingSyncs()).isEqualTo(1);

        // the company's sync was requested: the workers sync it, then release the user
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.syncRow("hubspot", "User", user.id) != null
                && fixtures.syncRow("hubspot", "User", user.id).crmId != null);
        assertThat(fixtures.syncRow("hubspot", "Company", acme.id).crmId).isNotNull();
        assertThat(pendingSyncs()).isZero();
        assertThat(memory.get("hubspot").objects("contacts").values()).singleElement()
                .satisfies(contact -> assertThat(contact).containsEntry("company", "Acme"));
    }

    @Test
    void partnersSponsoringEachOtherDoNotWaitForever() {
        Partner[] pair = QuarkusTransaction.requiringNew().call(() -> {
            Partner a = new Partner();
            a.name = "A";
            a.persist();
            Partner b = new Partner();
            b.name = "B";
            b.sponsor = a;
            b.persist();
            a.sponsor = b;
            return new Partner[] { a, b };
        });

        assertThat(etlify.crm("hubspot").syncNow(pair[0])).isEqualTo(SyncResult.BUFFERED);

        await().atMost(Duration.ofSeconds(15)).until(() -> crmIdOf(pair[0]) != null && crmIdOf(pair[1]) != null);
        assertThat(pendingSyncs()).isZero();
        assertThat(memory.get("hubspot").count("p123_partner")).isEqualTo(2);
    }

    @Test
    void anUnmappedDependencyCountsThroughItsLegacyCrmIdColumn() {
        Partner partner = QuarkusTransaction.requiringNew().call(() -> {
            Agency agency = new Agency();
            agency.name = "Old agency";
            agency.persist();
            Partner p = new Partner();
            p.name = "P";
            p.agency = agency;
            p.persist();
            return p;
        });

        assertThat(etlify.crm("hubspot").syncNow(partner)).isEqualTo(SyncResult.BUFFERED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> PendingSync.<PendingSync> findAll().firstResult().dependencyType))
                .isEqualTo("Agency");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE agencies SET hubspot_id = '900'").executeUpdate());
        assertThat(etlify.crm("hubspot").syncNow(partner)).isEqualTo(SyncResult.SYNCED);
    }

    @Test
    void aRecordBufferedAfterItsDependencysSyncIsReleasedByTheDependencysNextUnmodifiedSync() {
        Company acme = fixtures.company("Acme");
        assertThat(etlify.crm("hubspot").syncNow(acme)).isEqualTo(SyncResult.SYNCED);
        // the race: the user read no CRM id for Acme before Acme's sync committed, and recorded its wait after
        User user = fixtures.update(fixtures.user("ada@example.com", "Ada"), u -> u.company = em.find(Company.class, acme.id));
        buffer(key("User", user.id), key("Company", acme.id));

        assertThat(etlify.crm("hubspot").syncNow(acme)).isEqualTo(SyncResult.NOT_MODIFIED);

        assertThat(pendingSyncs()).isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> crmIdOf("User", user.id) != null);
    }

    @Test
    void anUnmodifiedDependencyReleasesItsBufferedRecordsInABatchSyncToo() {
        List<Company> companies = List.of(fixtures.company("Acme"), fixtures.company("Globex"));
        assertThat(batchSync(companies).results().values()).containsOnly(SyncResult.SYNCED);
        User ada = fixtures.update(fixtures.user("ada@example.com", "Ada"),
                u -> u.company = em.find(Company.class, companies.get(0).id));
        User bob = fixtures.update(fixtures.user("bob@example.com", "Bob"),
                u -> u.company = em.find(Company.class, companies.get(1).id));
        buffer(key("User", ada.id), key("Company", companies.get(0).id));
        buffer(key("User", bob.id), key("Company", companies.get(1).id));

        assertThat(batchSync(companies).results().values()).containsOnly(SyncResult.NOT_MODIFIED);

        assertThat(pendingSyncs()).isZero();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> crmIdOf("User", ada.id) != null && crmIdOf("User", bob.id) != null);
    }

    @Test
    void aDependencyTheGuardSkipsReleasesItsBufferedRecordsOnlyWhenItHasACrmId() {
        // records waiting on users: the users' guard (an e-mail) can skip them
        User synced = fixtures.user("ada@example.com", "Ada");
        assertThat(etlify.crm("hubspot").syncNow(synced)).isEqualTo(SyncResult.SYNCED);
        User neverSynced = fixtures.user(null, "Nomail");
        User waitsForSynced = fixtures.user("bob@example.com", "Bob");
        User waitsForNeverSynced = fixtures.user("cy@example.com", "Cy");
        buffer(key("User", waitsForSynced.id), key("User", synced.id));
        buffer(key("User", waitsForNeverSynced.id), key("User", neverSynced.id));
        fixtures.update(synced, u -> u.email = null);

        assertThat(etlify.crm("hubspot").syncNow(synced)).isEqualTo(SyncResult.SKIPPED);
        assertThat(etlify.crm("hubspot").syncNow(neverSynced)).isEqualTo(SyncResult.SKIPPED);

        await().atMost(Duration.ofSeconds(15)).until(() -> crmIdOf("User", waitsForSynced.id) != null);
        // releasing it would only buffer it again and request the skipped record again, endlessly
        assertThat(QuarkusTransaction.requiringNew().call(() -> PendingSync.<PendingSync> listAll()))
                .singleElement().satisfies(waiting -> {
                    assertThat(waiting.dependentId).isEqualTo(waitsForNeverSynced.id.toString());
                    assertThat(waiting.dependencyId).isEqualTo(neverSynced.id.toString());
                });
        assertThat(fixtures.syncRow("hubspot", "User", waitsForNeverSynced.id)).isNull();
    }

    private BatchOutcome batchSync(List<Company> companies) {
        return batchSynchronizer.sync(crms.find("hubspot").orElseThrow(),
                mappings.mappingFor(Company.class, "hubspot").orElseThrow(), companies.stream().map(c -> c.id).toList(),
                false);
    }

    private void buffer(SyncKey dependent, SyncKey dependency) {
        QuarkusTransaction.requiringNew().run(() -> pending.buffer(dependent, dependency));
    }

    private static SyncKey key(String type, Long id) {
        return new SyncKey("hubspot", type, id.toString());
    }

    private String crmIdOf(String type, Long id) {
        var row = fixtures.syncRow("hubspot", type, id);
        return row == null ? null : row.crmId;
    }

    private String crmIdOf(Partner partner) {
        var row = fixtures.syncRow("hubspot", "Partner", partner.id);
        return row == null ? null : row.crmId;
    }

    private long pendingSyncs() {
        return QuarkusTransaction.requiringNew().call(() -> PendingSync.count());
    }
}
