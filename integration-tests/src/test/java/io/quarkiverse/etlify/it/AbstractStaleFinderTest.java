package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.it.finder.Buyer;
import io.quarkiverse.etlify.it.finder.Car;
import io.quarkiverse.etlify.it.finder.ElectricCar;
import io.quarkiverse.etlify.it.finder.Employee;
import io.quarkiverse.etlify.it.finder.Employer;
import io.quarkiverse.etlify.it.finder.EmployerAddress;
import io.quarkiverse.etlify.it.finder.Firm;
import io.quarkiverse.etlify.it.finder.Fund;
import io.quarkiverse.etlify.it.finder.Garage;
import io.quarkiverse.etlify.it.finder.Holding;
import io.quarkiverse.etlify.it.finder.Member;
import io.quarkiverse.etlify.it.finder.Note;
import io.quarkiverse.etlify.it.finder.Organisation;
import io.quarkiverse.etlify.it.finder.Party;
import io.quarkiverse.etlify.it.finder.Passport;
import io.quarkiverse.etlify.it.finder.Person;
import io.quarkiverse.etlify.it.finder.Profile;
import io.quarkiverse.etlify.it.finder.Purchase;
import io.quarkiverse.etlify.it.finder.PurchaseLine;
import io.quarkiverse.etlify.it.finder.Stake;
import io.quarkiverse.etlify.it.finder.Tag;
import io.quarkiverse.etlify.it.finder.Team;
import io.quarkiverse.etlify.it.finder.Truck;
import io.quarkiverse.etlify.it.finder.Vehicle;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.mapping.Freshness;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The stale finder's contract, run on every supported database: one test per association kind and
 * inheritance kind, plus the seed's finder cases (stale scope, max sync errors, several CRMs).
 * Update times are moved by SQL (an hour ahead) so no test depends on the clock's resolution.
 */
abstract class AbstractStaleFinderTest {

    @Inject
    Etlify etlify;

    @Inject
    StaleRecordFinder finder;

    @Inject
    MappingRegistry registry;

    @Inject
    CrmRegistry crms;

    @Inject
    EtlifyRuntimeConfig config;

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        tx(() -> {
            em.createNativeQuery("UPDATE fd_employees SET manager_id = NULL").executeUpdate();
            for (String table : List.of("fd_notes", "fd_order_lines", "\"order\"", "\"user\"", "\"group\"",
                    "fd_employees", "fd_stakes", "fd_employer_addresses", "fd_employers", "fd_member_tags", "fd_member_nicknames", "fd_holdings", "fd_profiles", "fd_members",
                    "fd_passports", "fd_funds", "fd_tags", "fd_persons", "fd_firms", "fd_parties", "fd_organisations",
                    "fd_vehicles", "fd_garages")) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
            return null;
        });
        fixtures.reset();
    }

    @Test
    void recordsWithoutSyncRowAreStaleAndSyncedOnesAreNot() {
        Member a = member("a");
        Member b = member("b");
        Member c = member("c");
        sync("finder", a);
        sync("finder", c);

        assertThat(stale(Member.class, "finder")).containsExactly(b.id);
        assertThat(count(Member.class, "finder")).isEqualTo(1);
    }

    @Test
    void aChangeToTheRecordItselfMakesItStale() {
        Member a = member("a");
        Member b = member("b");
        sync("finder", a);
        sync("finder", b);

        tx(() -> em.find(Member.class, a.id).name = "a2");

        assertThat(stale(Member.class, "finder")).containsExactly(a.id);
    }

    @Test
    void aRecordJustSyncedWithEveryKindOfDependencyIsNotStale() {
        Member a = memberWithEveryKindOfDependency("a");

        sync("finder", a);

        assertThat(stale(Member.class, "finder")).isEmpty();
        assertThat(count(Member.class, "finder")).isZero();
        // organisation, passport, profile, 2 holdings, their 2 funds, 2 tags, 2 nicknames
        assertThat(fixtures.syncRow("finder", "Member", a.id).sourceDependencyCount).isEqualTo(11L);
    }

    @Test
    void freshnessIsTheNewestUpdateTimeReachedAndTheNumberOfValuesReached() {
        Member a = memberWithEveryKindOfDependency("a");
        Organisation acme = a.organisation;
        holding(a, persist(fund("Fund III")));
        Member b = member("b");
        Member c = member("c", m -> m.organisation = acme);
        Member d = member("d");
        Garage north = persist(named(new Garage(), "North"));
        Car car = persist(vehicle(new Car(), north));
        ElectricCar electric = persist(vehicle(new ElectricCar(), north));
        Car parked = persist(vehicle(new Car()));
        Truck truck = persist(vehicle(new Truck()));
        Person ada = persist(person("ada@example.com", true, acme));
        Firm firm = persist(party(new Firm(), true));
        exec("UPDATE fd_members SET updated_at = ?1", at(1));
        exec("UPDATE fd_members SET updated_at = NULL WHERE id = ?1", d.id);
        exec("UPDATE fd_passports SET updated_at = ?1", at(2));
        exec("UPDATE fd_profiles SET updated_at = ?1", at(3));
        exec("UPDATE fd_holdings SET updated_at = ?1", at(4));
        exec("UPDATE fd_organisations SET updated_at = ?1", at(5));
        exec("UPDATE fd_funds SET updated_at = NULL");
        // a time without zone is read in the JVM's zone, as Hibernate writes it
        exec("UPDATE fd_tags SET updated_at = ?1", at(2).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
        exec("UPDATE fd_tags SET updated_at = ?1 WHERE name = 'early'",
                at(7).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
        exec("UPDATE fd_vehicles SET updated_at = ?1", at(1));
        exec("UPDATE fd_garages SET updated_at = ?1", at(8));
        exec("UPDATE fd_parties SET updated_at = ?1", at(1));

        // a: organisation, passport, profile, 3 holdings, their 3 funds (no update time: the epoch), 2 tags, 2 nicknames
        assertThat(freshness(Member.class, "finder", a.id, b.id, c.id, d.id, -1L)).containsOnly(
                fresh(a.id, at(7), 13), fresh(b.id, at(1), 0), fresh(c.id, at(5), 1),
                entry(String.valueOf(d.id), new Freshness(Instant.EPOCH, 0)));
        assertThat(freshness(Member.class, "mirror", a.id, c.id)).as("the mirror mapping has no dependency")
                .containsOnly(fresh(a.id, at(1), 0), fresh(c.id, at(1), 0));
        assertThat(freshness(Car.class, "finder", car.id, electric.id, parked.id, truck.id))
                .containsOnly(fresh(car.id, at(8), 1), fresh(electric.id, at(8), 1), fresh(parked.id, at(1), 0));
        assertThat(freshness(Vehicle.class, "finder", car.id, electric.id, truck.id))
                .as("cars have their own mapping for this CRM").containsOnly(fresh(truck.id, at(1), 0));
        assertThat(freshness(Person.class, "finder", ada.id, firm.id)).containsOnly(fresh(ada.id, at(5), 1));
        assertThat(freshness(Party.class, "mirror", ada.id, firm.id))
                .containsOnly(fresh(ada.id, at(1), 0), fresh(firm.id, at(1), 0));
    }

    @Test
    void freshnessOfOneRecordIsEmptyWhenItIsNotARecordOfTheMapping() {
        Car car = persist(vehicle(new Car()));
        Truck truck = persist(vehicle(new Truck()));
        exec("UPDATE fd_vehicles SET updated_at = ?1", at(1));
        Mapping vehicles = mapping(Vehicle.class, "finder");

        assertThat(tx(() -> finder.freshnessOf(vehicles, truck.id))).contains(new Freshness(at(1).toInstant(), 0));
        assertThat(tx(() -> finder.freshnessOf(vehicles, car.id))).as("cars have their own mapping").isEmpty();
        assertThat(tx(() -> finder.freshnessOf(vehicles, -1L))).isEmpty();
    }

    @Test
    void aSyncByIdOfARecordOfAnotherMappingSkipsIt() {
        Car car = persist(vehicle(new Car()));

        assertThat(etlify.crm("finder").syncNow(Vehicle.class, car.id)).isEqualTo(SyncResult.SKIPPED);
        assertThat(fixtures.syncRow("finder", "Vehicle", car.id)).isNull();
    }

    @Test
    void manyToOne() {
        Organisation acme = persist(named(new Organisation(), "Acme"));
        Organisation globex = persist(named(new Organisation(), "Globex"));
        Member a = member("a", m -> m.organisation = acme);
        Member b = member("b", m -> m.organisation = globex);
        Member c = member("c");
        syncAll("finder", a, b, c);

        touch("fd_organisations", acme.id);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id);
    }

    @Test
    void oneToOneHeldByTheRecord() {
        Passport p1 = persist(named(new Passport(), "P-1"));
        Passport p2 = persist(named(new Passport(), "P-2"));
        Member a = member("a", m -> m.passport = p1);
        Member b = member("b", m -> m.passport = p2);
        syncAll("finder", a, b);

        touch("fd_passports", p2.id);

        assertThat(stale(Member.class, "finder")).containsExactly(b.id);
    }

    @Test
    void oneToOneHeldByTheOtherSide() {
        Member a = member("a");
        Member b = member("b");
        Member c = member("c");
        Profile profileA = profile(a);
        profile(b);
        syncAll("finder", a, b, c);

        touch("fd_profiles", profileA.id);
        // a profile appearing with an old update time changes what is reached
        exec("INSERT INTO fd_profiles (member_id, bio, updated_at) VALUES (?1, 'old', ?2)", c.id, longAgo());

        assertThat(stale(Member.class, "finder")).containsExactly(a.id, c.id);
    }

    @Test
    void oneToMany() {
        Fund fund = persist(fund("Fund I"));
        Member a = member("a");
        Member b = member("b");
        holding(a, fund);
        Holding holdingB = holding(b, fund);
        holding(b, fund);
        syncAll("finder", a, b);

        touch("fd_holdings", holdingB.id);

        assertThat(stale(Member.class, "finder")).containsExactly(b.id);
    }

    @Test
    void removingAChildMakesTheOwnerStale() {
        Fund fund = persist(fund("Fund I"));
        Member a = member("a");
        Member b = member("b");
        Holding holdingA = holding(a, fund);
        holding(a, fund);
        holding(b, fund);
        syncAll("finder", a, b);

        exec("DELETE FROM fd_holdings WHERE id = ?1", holdingA.id);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id);
    }

    @Test
    void addingAChildWithAnOlderUpdateTimeMakesTheOwnerStale() {
        Member a = member("a");
        Member b = member("b");
        syncAll("finder", a, b);

        exec("INSERT INTO fd_holdings (member_id, updated_at) VALUES (?1, ?2)", b.id, longAgo());

        assertThat(stale(Member.class, "finder")).containsExactly(b.id);
    }

    @Test
    void manyToManyThroughAJoinTable() {
        Tag vip = persist(tag("vip"));
        Tag early = persist(tag("early"));
        Member a = member("a", m -> m.tags.add(vip));
        Member b = member("b", m -> m.tags.add(early));
        Member c = member("c", m -> {
            m.tags.add(vip);
            m.tags.add(early);
        });
        Member d = member("d");
        syncAll("finder", a, b, c, d);

        touch("fd_tags", vip.id);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id, c.id);
    }

    @Test
    void unlinkingAManyToManyTargetMakesTheOwnerStale() {
        Tag vip = persist(tag("vip"));
        Member a = member("a", m -> m.tags.add(vip));
        Member b = member("b", m -> m.tags.add(vip));
        syncAll("finder", a, b);

        exec("DELETE FROM fd_member_tags WHERE member_id = ?1", b.id);

        assertThat(stale(Member.class, "finder")).containsExactly(b.id);
    }

    @Test
    void nestedPathThroughAToManyAssociation() {
        Fund fund1 = persist(fund("Fund I"));
        Fund fund2 = persist(fund("Fund II"));
        Member a = member("a");
        Member b = member("b");
        Member c = member("c");
        holding(a, fund1);
        holding(b, fund2);
        holding(c, fund2);
        holding(c, fund1);
        syncAll("finder", a, b, c);

        touch("fd_funds", fund1.id);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id, c.id);
    }

    @Test
    void elementCollection() {
        Member a = member("a", m -> m.nicknames.add("Al"));
        Member b = member("b", m -> m.nicknames.add("Bo"));
        Member c = member("c");
        syncAll("finder", a, b, c);

        exec("INSERT INTO fd_member_nicknames (member_id, nickname) VALUES (?1, 'Ace')", a.id);
        exec("DELETE FROM fd_member_nicknames WHERE member_id = ?1", b.id);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id, b.id);
    }

    @Test
    void nullUpdateTimesCountAsTheEpoch() {
        Organisation acme = persist(named(new Organisation(), "Acme"));
        Member a = member("a", m -> m.organisation = acme);
        Member b = member("b");
        exec("UPDATE fd_members SET updated_at = NULL");
        exec("UPDATE fd_organisations SET updated_at = NULL");
        syncAll("finder", a, b);

        assertThat(fixtures.syncRow("finder", "Member", a.id).sourceWatermark.toInstant()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(stale(Member.class, "finder")).isEmpty();

        touch("fd_organisations", acme.id);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id);
    }

    @Test
    void staleScopeLeavesRecordsOut() {
        Member a = member("a");
        Member b = member("b", m -> m.active = false);
        Member c = member("c", m -> m.active = false);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id);
        assertThat(count(Member.class, "finder")).isEqualTo(1);
        assertThat(stale(Member.class, "mirror")).as("the mirror mapping has no scope").containsExactly(a.id, b.id, c.id);

        exec("UPDATE fd_members SET active = ?1 WHERE id = ?2", true, c.id);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id, c.id);
    }

    @Test
    void recordsThatFailedMaxSyncErrorsTimesAreLeftOut() {
        Member a = member("a");
        Member b = member("b");
        Member c = member("c");
        syncAll("finder", a, b, c);
        syncAll("mirror", a, b, c);
        exec("UPDATE fd_members SET updated_at = ?1", later());
        // quarkus.etlify.crm.finder.max-sync-errors=2; mirror has the global default, 3
        exec("UPDATE crm_synchronisations SET error_count = 2 WHERE resource_id = ?1", String.valueOf(a.id));
        exec("UPDATE crm_synchronisations SET error_count = 1 WHERE resource_id = ?1", String.valueOf(b.id));

        assertThat(stale(Member.class, "finder")).containsExactly(b.id, c.id);
        assertThat(count(Member.class, "finder")).isEqualTo(2);
        assertThat(stale(Member.class, "mirror")).containsExactly(a.id, b.id, c.id);

        exec("UPDATE crm_synchronisations SET error_count = 0 WHERE resource_id = ?1", String.valueOf(a.id));

        assertThat(stale(Member.class, "finder")).containsExactly(a.id, b.id, c.id);
    }

    @Test
    void aFailedFirstSyncStaysStaleUntilItsErrorsReachTheMaximum() {
        Member a = member("a");
        exec("INSERT INTO crm_synchronisations (crm_name, resource_type, resource_id, error_count, last_error,"
                + " created_at, updated_at) VALUES ('finder', 'Member', ?1, 1, 'boom', ?2, ?2)", String.valueOf(a.id), later());

        assertThat(stale(Member.class, "finder")).containsExactly(a.id);

        exec("UPDATE crm_synchronisations SET error_count = 2");

        assertThat(stale(Member.class, "finder")).isEmpty();
    }

    @Test
    void dependenciesOfOneCrmsMappingNeverMakeAnotherCrmStale() {
        Organisation acme = persist(named(new Organisation(), "Acme"));
        Member a = member("a", m -> m.organisation = acme);
        sync("finder", a);
        sync("mirror", a);

        touch("fd_organisations", acme.id);

        assertThat(stale(Member.class, "finder")).containsExactly(a.id);
        assertThat(stale(Member.class, "mirror")).as("mirror's mapping declares no dependency").isEmpty();

        sync("finder", a);

        assertThat(stale(Member.class, "finder")).isEmpty();
        assertThat(fixtures.syncRow("mirror", "Member", a.id).sourceDependencyCount).isZero();
    }

    @Test
    void pagesFollowTheIdsAndAreFull() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(member("m" + i).id);
        }
        sync("finder", member("synced"));

        List<List<Object>> pages = new ArrayList<>();
        finder.forEachPage(mapping(Member.class, "finder"), maxSyncErrors("finder"), 10, pages::add);

        assertThat(pages).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ids);
        assertThat(count(Member.class, "finder")).isEqualTo(25);
    }

    @Test
    void windowsJoinEveryIntegerIdToItsSyncRowWhateverItsDigitsOrSign() {
        // 45,000 consecutive ids: several windows, ids of 1 to 5 digits in each; then ids of every sign and size
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, 45_000).boxed().toList());
        ids.addAll(List.of(-7L, 0L, 42_000_000_000L, 1_000_000_000_000_000_003L, Long.MAX_VALUE, Long.MIN_VALUE));
        List<Long> unsynced = List.of(-7L, 9L, 10L, 99L, 100L, 19_999L, 20_000L, 20_001L, 40_000L, 45_000L,
                1_000_000_000_000_000_003L);
        long outdated = 12_345L;
        insertMembers(ids);
        List<String> keys = new ArrayList<>(ids.stream().filter(id -> !unsynced.contains(id)).map(String::valueOf).toList());
        // a key that is not how ids are written reads as no number: it neither matches 42 nor doubles it
        keys.add("0042");
        batch("INSERT INTO crm_synchronisations (crm_name, resource_type, resource_id, error_count, source_watermark,"
                + " source_dependency_count, created_at, updated_at) VALUES ('mirror', 'Member', ?, 0, ?, 0, ?, ?)", keys,
                (statement, key) -> {
                    OffsetDateTime watermark = key.equals(String.valueOf(outdated)) || key.equals("0042")
                            ? longAgo().minusYears(1)
                            : longAgo();
                    statement.setString(1, key);
                    statement.setObject(2, watermark);
                    statement.setObject(3, watermark);
                    statement.setObject(4, watermark);
                });

        List<Object> expected = new ArrayList<>(unsynced);
        expected.add(outdated);
        expected.sort(null);
        assertThat(stale(Member.class, "mirror")).containsExactlyElementsOf(expected);
        assertThat(count(Member.class, "mirror")).isEqualTo(expected.size());
    }

    @Test
    void aWindowNoOwnerOfWhichWasSyncedIsStaleAsAWholeWithinTheScope() {
        // the first window (20,000 ids) synced but for two records, one outdated; the next two never synced
        insertMembers(LongStream.rangeClosed(1, 45_000).boxed().toList());
        exec("UPDATE fd_members SET active = FALSE WHERE id IN (7, 30000, 45000)");
        List<String> synced = LongStream.rangeClosed(1, 20_000).filter(id -> id != 11 && id != 7)
                .mapToObj(String::valueOf).toList();
        batch("INSERT INTO crm_synchronisations (crm_name, resource_type, resource_id, error_count, source_watermark,"
                + " source_dependency_count, created_at, updated_at) VALUES ('finder', 'Member', ?, 0, ?, 0, ?, ?)", synced,
                (statement, key) -> {
                    OffsetDateTime watermark = key.equals("12") ? longAgo().minusYears(1) : longAgo();
                    statement.setString(1, key);
                    statement.setObject(2, watermark);
                    statement.setObject(3, watermark);
                    statement.setObject(4, watermark);
                });

        List<Object> expected = new ArrayList<>(List.of(11L, 12L));
        LongStream.rangeClosed(20_001, 45_000).filter(id -> id != 30_000 && id != 45_000).forEach(expected::add);
        assertThat(stale(Member.class, "finder")).as("inactive members are out of the scope, synced or not")
                .containsExactlyElementsOf(expected);
        assertThat(count(Member.class, "finder")).isEqualTo(expected.size());
    }

    @Test
    void windowsAreSearchedByAsManyThreadsAsConfigured() {
        // 45,000 records never synced: three windows, all handed to the searchers before the first page
        insertMembers(LongStream.rangeClosed(1, 45_000).boxed().toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> liveSearchers() == 0);

        List<Long> searchersAtFirstPage = new ArrayList<>();
        AtomicLong found = new AtomicLong();
        finder.forEachPage(mapping(Member.class, "mirror"), maxSyncErrors("mirror"), 1_000, page -> {
            if (searchersAtFirstPage.isEmpty()) {
                searchersAtFirstPage.add(liveSearchers());
            }
            found.addAndGet(page.size());
        });

        assertThat(searchersAtFirstPage).containsExactly((long) config.batchSync().finderParallelism());
        assertThat(found).hasValue(45_000);
    }

    @Test
    void singleTableSubclassMappingSeesItsRowsAndItsSubclassesRows() {
        Vehicle vehicle = persist(vehicle(new Vehicle()));
        Truck truck = persist(vehicle(new Truck()));
        Car car = persist(vehicle(new Car()));
        ElectricCar electric = persist(vehicle(new ElectricCar()));

        assertThat(stale(Car.class, "finder")).containsExactly(car.id, electric.id);
        assertThat(stale(Vehicle.class, "finder")).as("cars have their own mapping for this CRM")
                .containsExactly(vehicle.id, truck.id);
        assertThat(stale(Vehicle.class, "mirror")).containsExactly(vehicle.id, truck.id, car.id, electric.id);

        syncAll("finder", vehicle, truck, car, electric);

        assertThat(stale(Car.class, "finder")).isEmpty();
        assertThat(stale(Vehicle.class, "finder")).isEmpty();
        assertThat(fixtures.syncRow("finder", "Car", electric.id)).isNotNull();
    }

    @Test
    void dependencyOfASingleTableSubclass() {
        Garage north = persist(named(new Garage(), "North"));
        Garage south = persist(named(new Garage(), "South"));
        Car car = persist(vehicle(new Car(), north));
        ElectricCar electric = persist(vehicle(new ElectricCar(), south));
        Car parked = persist(vehicle(new Car(), south));
        Truck truck = persist(vehicle(new Truck()));
        syncAll("finder", car, electric, parked, truck);

        touch("fd_garages", south.id);

        assertThat(stale(Car.class, "finder")).containsExactly(electric.id, parked.id);
        assertThat(stale(Vehicle.class, "finder")).isEmpty();
    }

    @Test
    void joinedSubclassMappingSeesOnlyItsRows() {
        Party party = persist(party(new Party(), true));
        Person person = persist(person("ada@example.com", true, null));
        Firm firm = persist(party(new Firm(), true));

        assertThat(stale(Person.class, "finder")).containsExactly(person.id);
        assertThat(stale(Party.class, "mirror")).containsExactly(party.id, person.id, firm.id);

        syncAll("mirror", party, person, firm);
        touch("fd_parties", firm.id);

        assertThat(stale(Party.class, "mirror")).containsExactly(firm.id);
    }

    @Test
    void joinedSubclassDependencyAndScopeOverBothTables() {
        Organisation acme = persist(named(new Organisation(), "Acme"));
        Organisation globex = persist(named(new Organisation(), "Globex"));
        Person ada = persist(person("ada@example.com", true, acme));
        Person bob = persist(person("bob@example.com", true, globex));
        Person noEmail = persist(person(null, true, acme));
        Person inactive = persist(person("ina@example.com", false, acme));
        syncAll("finder", ada, bob);

        assertThat(stale(Person.class, "finder")).as("out of the scope: no email, or inactive").isEmpty();

        touch("fd_organisations", acme.id);

        assertThat(stale(Person.class, "finder")).containsExactly(ada.id);
        assertThat(stale(Person.class, "finder")).doesNotContain(noEmail.id, inactive.id);
    }

    @Test
    void uuidIdsMatchTheirSyncRows() {
        User user = fixtures.user("ada@example.com", "Ada");
        Subscription subscription = tx(() -> {
            Subscription s = new Subscription();
            s.plan = "gold";
            s.user = em.find(User.class, user.id);
            em.persist(s);
            return s;
        });
        Subscription other = tx(() -> {
            Subscription s = new Subscription();
            s.plan = "silver";
            em.persist(s);
            return s;
        });
        assertThat(stale(Subscription.class, "hubspot")).containsExactlyInAnyOrder(subscription.id, other.id);
        syncAll("hubspot", subscription, other);

        assertThat(stale(Subscription.class, "hubspot")).isEmpty();

        exec("UPDATE app_users SET updated_at = ?1", later());

        assertThat(stale(Subscription.class, "hubspot")).singleElement().isInstanceOf(UUID.class)
                .isEqualTo(subscription.id);
    }

    @Test
    void hasOneThroughAToOne() {
        Employer acme = persist(employer("Acme"));
        Employer globex = persist(employer("Globex"));
        EmployerAddress acmeAddress = persist(address(acme));
        Employee a = persist(employee("a", acme, null));
        Employee b = persist(employee("b", globex, null));
        Employee c = persist(employee("c", null, null));
        syncAll("finder", a, b, c);

        touch("fd_employer_addresses", acmeAddress.id);
        // an address appearing with an old update time changes what is reached
        exec("INSERT INTO fd_employer_addresses (employer_id, city, updated_at) VALUES (?1, 'Springfield', ?2)",
                globex.id, longAgo());

        assertThat(stale(Employee.class, "finder")).containsExactly(a.id, b.id);
    }

    @Test
    void toOneThenToMany() {
        Fund fund = persist(fund("Fund I"));
        Employer acme = persist(employer("Acme"));
        Employer globex = persist(employer("Globex"));
        Stake acmeStake = persist(stake(acme, fund));
        persist(stake(acme, fund));
        Stake globexStake = persist(stake(globex, fund));
        Employee a = persist(employee("a", acme, null));
        Employee b = persist(employee("b", acme, null));
        Employee c = persist(employee("c", globex, null));
        Employee d = persist(employee("d", null, null));
        syncAll("finder", a, b, c, d);

        assertThat(stale(Employee.class, "finder")).isEmpty();
        // the employer's 2 stakes and their 2 funds
        assertThat(fixtures.syncRow("finder", "Employee", a.id).sourceDependencyCount).isEqualTo(4L);

        touch("fd_stakes", acmeStake.id);
        exec("DELETE FROM fd_stakes WHERE id = ?1", globexStake.id);

        assertThat(stale(Employee.class, "finder")).containsExactly(a.id, b.id, c.id);
    }

    @Test
    void selfReference() {
        Employee boss = persist(employee("boss", null, null));
        Employee a = persist(employee("a", null, boss));
        Employee b = persist(employee("b", null, a));
        Employee c = persist(employee("c", null, null));
        syncAll("finder", boss, a, b, c);

        assertThat(fixtures.syncRow("finder", "Employee", a.id).sourceDependencyCount).isEqualTo(1L);

        touch("fd_employees", boss.id);

        assertThat(stale(Employee.class, "finder")).as("the boss itself and its report; not the report's report")
                .containsExactly(boss.id, a.id);

        exec("UPDATE fd_employees SET manager_id = ?1 WHERE id = ?2", boss.id, c.id);

        assertThat(stale(Employee.class, "finder")).containsExactly(boss.id, a.id, c.id);
    }

    @Test
    void threeLevelNesting() {
        Fund fund1 = persist(fund("Fund I"));
        Fund fund2 = persist(fund("Fund II"));
        Employer acme = persist(employer("Acme"));
        Employer globex = persist(employer("Globex"));
        Employer initech = persist(employer("Initech"));
        persist(stake(acme, fund1));
        persist(stake(globex, fund2));
        persist(stake(globex, fund2));
        persist(stake(initech, fund2));
        persist(stake(initech, fund1));
        Employee a = persist(employee("a", acme, null));
        Employee b = persist(employee("b", globex, null));
        Employee c = persist(employee("c", initech, null));
        exec("UPDATE fd_employers SET updated_at = ?1", at(1));
        exec("UPDATE fd_stakes SET updated_at = ?1", at(2));
        exec("UPDATE fd_funds SET updated_at = ?1", at(3));
        exec("UPDATE fd_funds SET updated_at = ?1 WHERE id = ?2", at(4), fund2.id);
        exec("UPDATE fd_employees SET updated_at = ?1", at(1));
        syncAll("finder", a, b, c);

        // the employer's own update time is not reached: "employer" alone is no dependency
        assertThat(freshness(Employee.class, "finder", a.id, b.id, c.id))
                .containsOnly(fresh(a.id, at(3), 2), fresh(b.id, at(4), 4), fresh(c.id, at(4), 4));

        touch("fd_funds", fund1.id);

        assertThat(stale(Employee.class, "finder")).containsExactly(a.id, c.id);
    }

    @Test
    void tablesAndColumnsNamedWithReservedWords() {
        Team red = persist(team("red"));
        Team blue = persist(team("blue"));
        Buyer ann = persist(buyer("ann", red));
        Buyer ben = persist(buyer("ben", blue));
        Purchase o1 = persist(purchase(ann));
        Purchase o2 = persist(purchase(ben));
        Purchase o3 = persist(purchase(null));
        persist(line(o1, "tea"));
        persist(line(o1, "milk"));
        PurchaseLine o2Line = persist(line(o2, "bread"));
        syncAll("finder", o1, o2, o3);

        assertThat(stale(Purchase.class, "finder")).isEmpty();
        // user, group, 2 lines
        assertThat(fixtures.syncRow("finder", "Purchase", o1.id).sourceDependencyCount).isEqualTo(4L);

        touch("\"group\"", red.id);

        assertThat(stale(Purchase.class, "finder")).containsExactly(o1.id);

        exec("DELETE FROM fd_order_lines WHERE id = ?1", o2Line.id);
        touch("\"order\"", o3.id);

        assertThat(stale(Purchase.class, "finder")).containsExactly(o1.id, o2.id, o3.id);
        assertThat(count(Purchase.class, "finder")).isEqualTo(3);
    }

    @Test
    void polymorphicOwnerMappedAsOneAssociationPerOwnerType() {
        Buyer ann = persist(buyer("ann", null));
        Employer acme = persist(employer("Acme"));
        Note byUser = persist(note(ann, null));
        Note byCompany = persist(note(null, acme));
        Note orphan = persist(note(null, null));
        syncAll("finder", byUser, byCompany, orphan);

        assertThat(fixtures.syncRow("finder", "Note", byUser.id).sourceDependencyCount).isEqualTo(1L);
        assertThat(fixtures.syncRow("finder", "Note", orphan.id).sourceDependencyCount).isZero();

        touch("\"user\"", ann.id);

        assertThat(stale(Note.class, "finder")).containsExactly(byUser.id);

        touch("fd_employers", acme.id);

        assertThat(stale(Note.class, "finder")).containsExactly(byUser.id, byCompany.id);
    }

    @Test
    void everyMappingOfTheApplicationHasAWorkingFinder() {
        Member member = member("a");
        fixtures.user("ada@example.com", "Ada");

        for (Mapping mapping : registry.all()) {
            List<Object> ids = new ArrayList<>();
            finder.forEachPage(mapping, maxSyncErrors(mapping.crm()), 2, ids::addAll);
            assertThat(ids).as(mapping.toString()).hasSize((int) finder.count(mapping, maxSyncErrors(mapping.crm())));
        }
        assertThat(stale(Member.class, "mirror")).containsExactly(member.id);
    }

    // ---- helpers

    private List<Object> stale(Class<?> mappedClass, String crm) {
        List<Object> ids = new ArrayList<>();
        finder.forEachPage(mapping(mappedClass, crm), maxSyncErrors(crm), 100, page -> {
            assertThat(page).isNotEmpty();
            ids.addAll(page);
        });
        return ids;
    }

    /** The freshness of these ids as the finder reads it, by resource id. */
    private Map<String, Freshness> freshness(Class<?> mappedClass, String crm, Object... ids) {
        return tx(() -> finder.freshness(mapping(mappedClass, crm), List.of(ids)));
    }

    private static Map.Entry<String, Freshness> fresh(Object id, OffsetDateTime watermark, long dependencyCount) {
        return entry(String.valueOf(id), new Freshness(watermark.toInstant(), dependencyCount));
    }

    private long count(Class<?> mappedClass, String crm) {
        return finder.count(mapping(mappedClass, crm), maxSyncErrors(crm));
    }

    private Mapping mapping(Class<?> mappedClass, String crm) {
        return registry.all().stream().filter(m -> m.entityType() == mappedClass && m.crm().equals(crm)).findFirst()
                .orElseThrow();
    }

    private int maxSyncErrors(String crm) {
        return crms.find(crm).orElseThrow().maxSyncErrors();
    }

    private void sync(String crm, Object entity) {
        assertThat(etlify.crm(crm).syncNow(entity)).isEqualTo(SyncResult.SYNCED);
    }

    private void syncAll(String crm, Object... entities) {
        for (Object entity : entities) {
            sync(crm, entity);
        }
    }

    private <T> T tx(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private <T> T persist(T entity) {
        return tx(() -> {
            em.persist(entity);
            return entity;
        });
    }

    private void exec(String sql, Object... parameters) {
        tx(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    private void insertMembers(List<Long> ids) {
        batch("INSERT INTO fd_members (id, name, active, updated_at) VALUES (?, ?, TRUE, ?)", ids,
                (statement, id) -> {
                    statement.setLong(1, id);
                    statement.setString(2, "m" + id);
                    statement.setObject(3, longAgo());
                });
    }

    /** The stale finder's search threads alive now. */
    private static long liveSearchers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("etlify-stale-finder") && thread.isAlive()).count();
    }

    /** Runs {@code sql} once per value, in JDBC batches. */
    private <T> void batch(String sql, List<T> values, JdbcBinder<T> binder) {
        tx(() -> {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int i = 0; i < values.size(); i++) {
                        binder.bind(statement, values.get(i));
                        statement.addBatch();
                        if (i % 1_000 == 999 || i == values.size() - 1) {
                            statement.executeBatch();
                        }
                    }
                }
            });
            return null;
        });
    }

    @FunctionalInterface
    private interface JdbcBinder<T> {
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    /** Moves a row's update time an hour ahead. */
    private void touch(String table, Object id) {
        exec("UPDATE " + table + " SET updated_at = ?1 WHERE id = ?2", later(), id);
    }

    private static OffsetDateTime later() {
        return OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
    }

    /** A time of its own for each update, with microseconds, which every supported database keeps. */
    private static OffsetDateTime at(int minute) {
        return OffsetDateTime.of(2020, 1, 1, 0, minute, 0, 123_456_000, ZoneOffset.UTC);
    }

    private static OffsetDateTime longAgo() {
        return OffsetDateTime.of(2001, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    private Member member(String name) {
        return member(name, m -> {
        });
    }

    private Member member(String name, java.util.function.Consumer<Member> setup) {
        Member member = new Member();
        member.name = name;
        setup.accept(member);
        return persist(member);
    }

    /** A member reaching an organisation, a passport, a profile, 2 holdings, their 2 funds, 2 tags, 2 nicknames. */
    private Member memberWithEveryKindOfDependency(String name) {
        Organisation organisation = persist(named(new Organisation(), "Acme"));
        Passport passport = persist(named(new Passport(), "P-1"));
        Fund fund1 = persist(fund("Fund I"));
        Fund fund2 = persist(fund("Fund II"));
        Tag tag1 = persist(tag("vip"));
        Tag tag2 = persist(tag("early"));
        Member member = member(name, m -> {
            m.organisation = organisation;
            m.passport = passport;
            m.tags.add(tag1);
            m.tags.add(tag2);
            m.nicknames.add("Al");
            m.nicknames.add("Ace");
        });
        profile(member);
        holding(member, fund1);
        holding(member, fund2);
        return member;
    }

    private Profile profile(Member member) {
        Profile profile = new Profile();
        profile.member = member;
        profile.bio = "bio of " + member.name;
        return persist(profile);
    }

    private Holding holding(Member member, Fund fund) {
        Holding holding = new Holding();
        holding.member = member;
        holding.fund = fund;
        return persist(holding);
    }

    private static <T> T named(T entity, String name) {
        if (entity instanceof Organisation o) {
            o.name = name;
        } else if (entity instanceof Passport p) {
            p.name = name;
        } else if (entity instanceof Garage g) {
            g.name = name;
        }
        return entity;
    }

    private static Fund fund(String name) {
        Fund fund = new Fund();
        fund.name = name;
        return fund;
    }

    private static Tag tag(String name) {
        Tag tag = new Tag();
        tag.name = name;
        return tag;
    }

    private static <T extends Vehicle> T vehicle(T vehicle) {
        vehicle.plate = vehicle.getClass().getSimpleName();
        return vehicle;
    }

    private static <T extends Car> T vehicle(T car, Garage garage) {
        car.garage = garage;
        return vehicle(car);
    }

    private static <T extends Party> T party(T party, boolean active) {
        party.name = party.getClass().getSimpleName();
        party.active = active;
        return party;
    }

    private static Person person(String email, boolean active, Organisation employer) {
        Person person = party(new Person(), active);
        person.email = email;
        person.employer = employer;
        return person;
    }

    private static Employer employer(String name) {
        Employer employer = new Employer();
        employer.name = name;
        return employer;
    }

    private static EmployerAddress address(Employer employer) {
        EmployerAddress address = new EmployerAddress();
        address.employer = employer;
        address.city = "Shelbyville";
        return address;
    }

    private static Stake stake(Employer employer, Fund fund) {
        Stake stake = new Stake();
        stake.employer = employer;
        stake.fund = fund;
        return stake;
    }

    private static Employee employee(String name, Employer employer, Employee manager) {
        Employee employee = new Employee();
        employee.name = name;
        employee.employer = employer;
        employee.manager = manager;
        return employee;
    }

    private static Team team(String name) {
        Team team = new Team();
        team.name = name;
        return team;
    }

    private static Buyer buyer(String name, Team group) {
        Buyer buyer = new Buyer();
        buyer.name = name;
        buyer.group = group;
        return buyer;
    }

    private static Purchase purchase(Buyer user) {
        Purchase purchase = new Purchase();
        purchase.user = user;
        return purchase;
    }

    private static PurchaseLine line(Purchase order, String product) {
        PurchaseLine line = new PurchaseLine();
        line.order = order;
        line.product = product;
        return line;
    }

    private static Note note(Buyer user, Employer company) {
        Note note = new Note();
        note.text = "a note";
        note.user = user;
        note.company = company;
        return note;
    }
}
