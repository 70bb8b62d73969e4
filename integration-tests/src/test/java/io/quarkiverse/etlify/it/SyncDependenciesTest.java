package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.state.PendingSync;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** syncDependencies: buffered until the dependency has a CRM id, released once it is synced; cycles never loop. */
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

    private String crmIdOf(Partner partner) {
        var row = fixtures.syncRow("hubspot", "Partner", partner.id);
        return row == null ? null : row.crmId;
    }

    private long pendingSyncs() {
        return QuarkusTransaction.requiringNew().call(() -> PendingSync.count());
    }
}
