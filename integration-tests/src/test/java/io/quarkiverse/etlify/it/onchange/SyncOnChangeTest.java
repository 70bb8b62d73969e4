package io.quarkiverse.etlify.it.onchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.SyncRequest;
import io.quarkiverse.etlify.it.LogCapture;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.QueueingDispatcher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code @Etlified(syncOnChange = true)}: changes of a record and of what its dependencies reach, flushed through
 * Hibernate, reach the CRM (the HubSpot sandbox, over HTTP) with no call to {@code sync}; nothing of a rolled-back
 * transaction does.
 */
@QuarkusTest
@PostgresTest
@TestProfile(SyncOnChangeProfile.class)
class SyncOnChangeTest extends SyncOnChangeTestBase {

    @Inject
    QueueingDispatcher dispatched;

    @Test
    void aRecordsOwnInsertAndUpdateReachTheCrm() {
        Investor ada = investor("ada@example.com", "Ada");

        change(() -> Investor.<Investor> findById(ada.id).firstName = "Augusta");

        awaitContact("ada@example.com", "firstname", "Augusta");
    }

    @Test
    void aPledgesAmountChangeReachesItsInvestor() {
        Investor ada = investor("ada@example.com", "Ada");
        Pledge pledge = create(() -> pledge(ada.id, "100.00"));
        awaitContact("ada@example.com", "total_invested", "100");

        change(() -> Pledge.<Pledge> findById(pledge.id).amount = new BigDecimal("250.00"));

        awaitContact("ada@example.com", "total_invested", "250");
    }

    @Test
    void aPledgeAddedAndAPledgeRemovedReachTheirInvestor() {
        Investor ada = investor("ada@example.com", "Ada");
        Pledge first = create(() -> pledge(ada.id, "100.00"));
        create(() -> pledge(ada.id, "50.00"));
        awaitContact("ada@example.com", "total_invested", "150");

        change(() -> Pledge.<Pledge> findById(first.id).delete());

        awaitContact("ada@example.com", "total_invested", "50");
    }

    @Test
    void aPledgeMovedToAnotherInvestorReachesBothInvestors() {
        Investor ada = investor("ada@example.com", "Ada");
        Investor grace = investor("grace@example.com", "Grace");
        Pledge pledge = create(() -> pledge(ada.id, "100.00"));
        awaitContact("ada@example.com", "total_invested", "100");

        change(() -> Pledge.<Pledge> findById(pledge.id).investor = Investor.findById(grace.id));

        awaitContact("grace@example.com", "total_invested", "100");
        awaitContact("ada@example.com", "total_invested", "0");
    }

    @Test
    void aClubRenamedReachesEveryOneOfItsInvestors() {
        Club club = create(() -> {
            Club c = new Club();
            c.name = "Capsens";
            c.persist();
            return c;
        });
        List<Long> investors = create(() -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                Investor m = new Investor();
                m.email = "investor" + i + "@example.com";
                m.firstName = "Investor " + i;
                m.club = Club.findById(club.id);
                m.persist();
                ids.add(m.id);
            }
            return ids;
        });
        await().atMost(REACHES_CRM).until(() -> sandbox.count("contacts") == investors.size());

        change(() -> Club.<Club> findById(club.id).name = "Capsens SAS");

        await().atMost(REACHES_CRM).untilAsserted(() -> assertThat(sandbox.objects("contacts"))
                .hasSize(investors.size()).allSatisfy(c -> assertThat(c.property("company")).isEqualTo("Capsens SAS")));
    }

    @Test
    void aLabelLinkedThenUnlinkedReachesTheInvestor() {
        Investor ada = investor("ada@example.com", "Ada");
        Label vip = create(() -> {
            Label l = new Label();
            l.name = "vip";
            l.persist();
            return l;
        });

        change(() -> Investor.<Investor> findById(ada.id).labels.add(Label.findById(vip.id)));
        awaitContact("ada@example.com", "labels", "vip");

        change(() -> Investor.<Investor> findById(ada.id).labels.clear());
        awaitContact("ada@example.com", "labels", "none");
    }

    @Test
    void aLabelRenamedReachesTheInvestorsCarryingIt() {
        Investor ada = investor("ada@example.com", "Ada");
        Label vip = create(() -> {
            Label l = new Label();
            l.name = "vip";
            l.persist();
            Investor.<Investor> findById(ada.id).labels.add(l);
            return l;
        });
        awaitContact("ada@example.com", "labels", "vip");

        change(() -> Label.<Label> findById(vip.id).name = "gold");

        awaitContact("ada@example.com", "labels", "gold");
    }

    @Test
    void aPoolRenamedReachesTheInvestorsPledgedToIt() {
        Investor ada = investor("ada@example.com", "Ada");
        Pool pool = create(() -> {
            Pool f = new Pool();
            f.name = "Seed I";
            f.persist();
            Pledge s = pledge(ada.id, "10.00");
            s.pool = f;
            return f;
        });
        awaitContact("ada@example.com", "pools", "Seed I");

        change(() -> Pool.<Pool> findById(pool.id).name = "Seed II");

        awaitContact("ada@example.com", "pools", "Seed II");
    }

    @Test
    void aNicknameAddedReachesTheInvestor() {
        Investor ada = investor("ada@example.com", "Ada");

        change(() -> Investor.<Investor> findById(ada.id).nicknames.add("Countess"));

        awaitContact("ada@example.com", "nicknames", "Countess");
    }

    @Test
    void aCardIssuedAndChangedReachesItsInvestor() {
        Investor ada = investor("ada@example.com", "Ada");
        InvestorCard card = create(() -> {
            InvestorCard c = new InvestorCard();
            c.investor = Investor.findById(ada.id);
            c.level = "silver";
            c.persist();
            return c;
        });
        awaitContact("ada@example.com", "card", "silver");

        change(() -> InvestorCard.<InvestorCard> findById(card.id).level = "gold");

        awaitContact("ada@example.com", "card", "gold");
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        Investor ada = investor("ada@example.com", "Ada");
        long before = sandbox.totalRequests();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            Investor.<Investor> findById(ada.id).firstName = "Augusta";
            Investor.flush();
            pledge(ada.id, "10.00");
            throw new IllegalStateException("the caller fails");
        })).hasMessage("the caller fails");

        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> sandbox.totalRequests() == before && pendingRequests() == 0);
        assertThat(contact("ada@example.com").orElseThrow().property("firstname")).isEqualTo("Ada");
    }

    @Test
    void aThousandChangesToOneRecordInOneTransactionCollapseIntoOneRequest() {
        Investor ada = investor("ada@example.com", "Ada");
        long before = requestsNaming("ada@example.com");

        change(() -> {
            Investor managed = Investor.findById(ada.id);
            for (int i = 1; i <= 1_000; i++) {
                managed.firstName = "Ada " + i;
                Investor.flush();
            }
            assertThat(pendingRequests()).as("nothing requested before the transaction completes").isZero();
        });

        awaitContact("ada@example.com", "firstname", "Ada 1000");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> pendingRequests() == 0);
        assertThat(requestsNaming("ada@example.com") - before).as("one request reached HubSpot").isEqualTo(1);
    }

    @Test
    void etlifysOwnWritesRequestNothingMore() {
        Investor ada = investor("ada@example.com", "Ada");
        create(() -> pledge(ada.id, "10.00"));
        awaitContact("ada@example.com", "total_invested", "10");
        long requests = sandbox.totalRequests();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> pendingRequests() == 0 && sandbox.totalRequests() == requests);
    }

    @Test
    void aTransactionChangingThousandsOfRowsLooksTheirRecordsUpOncePerPathStep() {
        Pool pool = create(() -> {
            Pool p = new Pool();
            p.name = "Seed I";
            p.persist();
            return p;
        });
        List<Long> pledges = create(() -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Investor investor = new Investor();
                investor.email = "investor" + i + "@example.com";
                investor.persist();
                for (int j = 0; j < 20; j++) {
                    Pledge pledge = pledge(investor.id, "1.00");
                    pledge.pool = Pool.findById(pool.id);
                    ids.add(pledge.id);
                }
            }
            return ids;
        });
        await().atMost(REACHES_CRM).until(() -> sandbox.count("contacts") == 100 && pendingRequests() == 0);

        try (LogCapture logs = LogCapture.start()) {
            change(() -> {
                Pool.<Pool> findById(pool.id).name = "Seed II";
                for (Long id : pledges) {
                    Pledge.<Pledge> findById(id).amount = new BigDecimal("2.00");
                }
            });

            // the pledges name their investor: no look-up; the pool is looked up once, whatever it reaches
            assertThat(logs.lines()).filteredOn(line -> line.category().endsWith("OwnerFinder")).singleElement()
                    .satisfies(line -> assertThat(line.text()).contains("1 changed row(s) at step 2")
                            .contains("concern 100 record(s)"));
        }
        await().atMost(REACHES_CRM).untilAsserted(() -> assertThat(sandbox.objects("contacts")).hasSize(100)
                .allSatisfy(c -> {
                    assertThat(c.property("pools")).isEqualTo("Seed II");
                    assertThat(c.property("total_invested")).isEqualTo("40");
                }));
    }

    @Test
    void aMappingsOwnDispatcherReceivesTheRequestsOfItsChanges() {
        Investor ada = investor("ada@example.com", "Ada");
        dispatched.queue().clear();

        Referral referral = create(() -> {
            Referral r = new Referral();
            r.investor = Investor.findById(ada.id);
            r.note = "met at a fair";
            r.persist();
            return r;
        });
        assertThat(dispatched.queue()).extracting(SyncRequest::entityId).containsExactly(referral.id);
        dispatched.queue().clear();

        change(() -> Investor.<Investor> findById(ada.id).email = "ada.lovelace@example.com");

        assertThat(dispatched.queue()).singleElement().satisfies(request -> {
            assertThat(request.crmName()).isEqualTo("changes");
            assertThat(request.entityType()).isEqualTo(Referral.class);
            assertThat(request.resourceId()).isEqualTo(referral.id.toString());
        });
        assertThat(fixtures.syncRow("changes", "Referral", referral.id)).as("nothing in the built-in queue").isNull();
    }

    static Pledge pledge(Long investorId, String amount) {
        Pledge pledge = new Pledge();
        pledge.investor = Investor.findById(investorId);
        pledge.amount = new BigDecimal(amount);
        pledge.persist();
        return pledge;
    }
}
