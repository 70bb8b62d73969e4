package io.quarkiverse.etlify.it.onchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The look-ups of sync on change on H2 (their ids bound as arrays), against the in-memory CRM: a to-one, a nested
 * path, a many-to-many, a UUID-keyed mapping, and a queued delete.
 */
@QuarkusTest
@TestProfile(H2SyncOnChangeTest.H2.class)
class H2SyncOnChangeTest {

    private static final Duration REACHES_CRM = Duration.ofSeconds(10);

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    InMemoryCrm changes;

    @BeforeEach
    void clean() {
        fixtures.reset();
        changes = crms.get("changes");
    }

    @Test
    void changesOfDependenciesReachTheirRecords() {
        Long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            Club club = new Club();
            club.name = "Capsens";
            club.persist();
            Pool pool = new Pool();
            pool.name = "Seed I";
            pool.persist();
            Label label = new Label();
            label.name = "vip";
            label.persist();
            Investor investor = new Investor();
            investor.email = "ada@example.com";
            investor.club = club;
            investor.labels.add(label);
            investor.persist();
            Pledge pledge = SyncOnChangeTest.pledge(investor.id, "5.00");
            pledge.pool = pool;
            return new Long[] { investor.id, club.id, pool.id, label.id };
        });
        awaitContact("pools", "Seed I");

        QuarkusTransaction.requiringNew().run(() -> {
            Club.<Club> findById(ids[1]).name = "Capsens SAS";
            Pool.<Pool> findById(ids[2]).name = "Seed II";
            Label.<Label> findById(ids[3]).name = "gold";
        });

        awaitContact("company", "Capsens SAS");
        awaitContact("pools", "Seed II");
        awaitContact("labels", "gold");
    }

    @Test
    void aDeleteQueuedOnH2RemovesTheCrmRecord() {
        Investor ada = QuarkusTransaction.requiringNew().call(() -> {
            Investor investor = new Investor();
            investor.email = "ada@example.com";
            investor.persist();
            return investor;
        });
        await().atMost(REACHES_CRM).until(() -> changes.count("contacts") == 1);

        QuarkusTransaction.requiringNew().run(() -> Investor.<Investor> findById(ada.id).delete());

        await().atMost(REACHES_CRM).until(() -> changes.count("contacts") == 0
                && fixtures.syncRow("changes", "Investor", ada.id) == null);
        assertThat(changes.callCount("delete")).isEqualTo(1);
    }

    private void awaitContact(String property, String value) {
        await().atMost(REACHES_CRM).untilAsserted(() -> assertThat(changes.objects("contacts").values())
                .singleElement().satisfies(contact -> assertThat(contact).containsEntry(property, value)));
    }

    /** The same application on an in-memory H2 database (the embedded PostgreSQL is not started). */
    public static class H2 implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.db-kind", "h2",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:etlify-on-change;DB_CLOSE_DELAY=-1",
                    "quarkus.datasource.username", "sa", "quarkus.datasource.password", "",
                    "quarkus.etlify.crm.changes.queue.poll-interval", "200ms");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
