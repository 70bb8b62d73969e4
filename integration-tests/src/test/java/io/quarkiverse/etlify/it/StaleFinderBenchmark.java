package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.it.finder.Member;
import io.quarkiverse.etlify.mapping.Mapping;
import io.quarkiverse.etlify.mapping.MappingRegistry;
import io.quarkiverse.etlify.stale.StaleRecordFinder;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Times the stale finder on PostgreSQL over many members, each with an organisation (many-to-one),
 * two holdings (one-to-many) and two tags (many-to-many): once with no member stale, once with
 * every member stale. Not part of the build (its name does not end in Test); run it with
 * {@code ./mvnw -B verify -pl integration-tests -am -Dtest=StaleFinderBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Detlify.benchmark.members=1000000}, against the
 * embedded PostgreSQL or the one named by {@code QUARKUS_DATASOURCE_JDBC_URL}.
 */
@QuarkusTest
@PostgresTest
class StaleFinderBenchmark {

    private static final Logger LOG = Logger.getLogger(StaleFinderBenchmark.class);

    @Inject
    DataSource dataSource;

    @Inject
    StaleRecordFinder finder;

    @Inject
    MappingRegistry registry;

    @Test
    void finderOverManyMembers() throws SQLException {
        int members = Integer.getInteger("etlify.benchmark.members", 100_000);
        int pageSize = Integer.getInteger("etlify.benchmark.page-size", 1_000);
        Mapping mapping = registry.all().stream().filter(m -> m.entityType() == Member.class && m.crm().equals("bench"))
                .findFirst().orElseThrow();
        long seeding = System.nanoTime();
        if (count("fd_members") != members || count("crm_synchronisations") != members) {
            seed(members);
        }
        LOG.infof("Seeded %d members in %d ms", members, (System.nanoTime() - seeding) / 1_000_000);

        long noneStale = timeFinder(mapping, pageSize, 0);
        long countNone = timeCount(mapping, 0);

        sql("UPDATE crm_synchronisations SET source_watermark = source_watermark - INTERVAL '1 year'");
        sql("VACUUM ANALYZE crm_synchronisations");
        long allStale = timeFinder(mapping, pageSize, members);
        long countAll = timeCount(mapping, members);
        // as seeded again, for the next run
        sql("UPDATE crm_synchronisations SET source_watermark = source_watermark + INTERVAL '1 year'");
        sql("VACUUM ANALYZE crm_synchronisations");

        LOG.infof("Stale finder over %d members (page size %d): none stale %d ms (count %d ms), all stale %d ms"
                + " (count %d ms)", members, pageSize, noneStale, countNone, allStale, countAll);
    }

    private long timeFinder(Mapping mapping, int pageSize, long expected) {
        AtomicLong found = new AtomicLong();
        long start = System.nanoTime();
        finder.forEachPage(mapping, "bench", 3, pageSize, page -> found.addAndGet(page.size()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(found.get()).isEqualTo(expected);
        return millis;
    }

    private long timeCount(Mapping mapping, long expected) {
        long start = System.nanoTime();
        assertThat(finder.count(mapping, "bench", 3)).isEqualTo(expected);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void seed(int members) throws SQLException {
        for (String table : new String[] { "fd_member_tags", "fd_member_nicknames", "fd_holdings", "fd_profiles",
                "fd_members", "fd_passports", "fd_funds", "fd_tags", "fd_persons", "fd_firms", "fd_parties",
                "fd_organisations", "crm_synchronisations" }) {
            sql("DELETE FROM " + table);
        }
        sql("INSERT INTO fd_organisations (name, updated_at) SELECT 'org ' || g, now() - g * INTERVAL '1 minute'"
                + " FROM generate_series(1, 10000) g");
        sql("INSERT INTO fd_funds (name, updated_at) SELECT 'fund ' || g, now() - g * INTERVAL '1 minute'"
                + " FROM generate_series(1, 1000) g");
        sql("INSERT INTO fd_tags (name, updated_at) SELECT 'tag ' || g, LOCALTIMESTAMP - g * INTERVAL '1 minute'"
                + " FROM generate_series(1, 100) g");
        long organisation = first("fd_organisations");
        long fund = first("fd_funds");
        long tag = first("fd_tags");
        sql("INSERT INTO fd_members (name, active, organisation_id, updated_at) SELECT 'member ' || g, true, "
                + organisation + " + g % 10000, now() - g * INTERVAL '1 second' FROM generate_series(1, " + members + ") g");
        sql("INSERT INTO fd_holdings (member_id, fund_id, updated_at) SELECT m.id, " + fund
                + " + (m.id + k) % 1000, now() - (m.id % 1000) * INTERVAL '1 second' FROM fd_members m,"
                + " generate_series(0, 1) k");
        sql("INSERT INTO fd_member_tags (member_id, tag_id) SELECT m.id, " + tag + " + (m.id + k) % 100"
                + " FROM fd_members m, generate_series(0, 1) k");
        // the sync rows as a sync would leave them: watermark and count of what each member reaches
        sql("INSERT INTO crm_synchronisations (crm_name, resource_type, resource_id, error_count, source_watermark,"
                + " source_dependency_count, last_synced_at, created_at, updated_at)"
                + " SELECT 'bench', 'Member', CAST(m.id AS VARCHAR), 0, GREATEST(m.updated_at, o.updated_at, h.w, t.w),"
                + " 1 + h.n + t.n, now(), now(), now() FROM fd_members m"
                + " JOIN fd_organisations o ON o.id = m.organisation_id"
                + " JOIN (SELECT member_id, MAX(updated_at) AS w, COUNT(*) AS n FROM fd_holdings GROUP BY member_id) h"
                + " ON h.member_id = m.id"
                + " JOIN (SELECT mt.member_id, MAX(CAST(t.updated_at AS TIMESTAMP WITH TIME ZONE)) AS w, COUNT(*) AS n"
                + " FROM fd_member_tags mt JOIN fd_tags t ON t.id = mt.tag_id GROUP BY mt.member_id) t ON t.member_id = m.id");
        sql("VACUUM ANALYZE");
    }

    private long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long first(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MIN(id) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        }
    }
}
