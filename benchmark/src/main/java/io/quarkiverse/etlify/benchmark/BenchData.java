package io.quarkiverse.etlify.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Generates the benchmark's data with set-based SQL ({@code generate_series}): users, each with a company
 * (many-to-one), investments (one-to-many) and tags (many-to-many), all with update times.
 */
@ApplicationScoped
class BenchData {

    static final String ENTITY = "BenchUser";

    @Inject
    DataSource dataSource;

    /**
     * Replaces every benchmark row and every sync row by {@code users} users with {@code perUser} investments and
     * tags each; {@code companies} companies, 100 tags.
     */
    void seed(int users, int perUser, int companies) {
        sql("TRUNCATE bench_user_tags, bench_investments, bench_users, bench_tags, bench_companies RESTART IDENTITY");
        sql("TRUNCATE crm_synchronisations, etlify_pending_syncs, etlify_sync_inbox");
        sql("INSERT INTO bench_companies (name, updated_at) SELECT 'Company ' || g, now() - g * INTERVAL '1 minute'"
                + " FROM generate_series(1, " + companies + ") g");
        sql("INSERT INTO bench_tags (name, updated_at) SELECT 'tag ' || g, now() - g * INTERVAL '1 minute'"
                + " FROM generate_series(1, 100) g");
        sql("INSERT INTO bench_users (email, first_name, last_name, company_id, updated_at)"
                + " SELECT 'user' || g || '@bench.example', 'First' || g, 'Last' || g, 1 + g % " + companies + ","
                + " now() - g * INTERVAL '1 second' FROM generate_series(1, " + users + ") g");
        sql("INSERT INTO bench_investments (user_id, amount, updated_at) SELECT u.id, 100 + k,"
                + " now() - (u.id % 1000) * INTERVAL '1 second' FROM bench_users u, generate_series(1, " + perUser + ") k");
        sql("INSERT INTO bench_user_tags (user_id, tag_id) SELECT u.id, 1 + (u.id + k) % 100"
                + " FROM bench_users u, generate_series(1, " + perUser + ") k");
        settle("");
    }

    /**
     * Creates the sync rows of {@code crm} as a sync leaves them — freshness watermark and number of records each user
     * reaches — so that no user is stale for it; the digest is left empty, so a later sync calls the adapter.
     */
    void markSynced(String crm) {
        sql("DELETE FROM crm_synchronisations WHERE crm_name = '" + crm + "'");
        sql("INSERT INTO crm_synchronisations (crm_name, resource_type, resource_id, error_count, source_watermark,"
                + " source_dependency_count, last_synced_at, created_at, updated_at)"
                + " SELECT '" + crm + "', '" + ENTITY + "', CAST(u.id AS VARCHAR), 0,"
                + " GREATEST(u.updated_at, c.updated_at, i.w, t.w), 1 + i.n + t.n, now(), now(), now()"
                + " FROM bench_users u JOIN bench_companies c ON c.id = u.company_id"
                + " JOIN (SELECT user_id, MAX(updated_at) AS w, COUNT(*) AS n FROM bench_investments GROUP BY user_id) i"
                + " ON i.user_id = u.id"
                + " JOIN (SELECT ut.user_id, MAX(t.updated_at) AS w, COUNT(*) AS n FROM bench_user_tags ut"
                + " JOIN bench_tags t ON t.id = ut.tag_id GROUP BY ut.user_id) t ON t.user_id = u.id");
        settle("crm_synchronisations");
    }

    /** Makes the first {@code count} users stale for {@code crm} (an older watermark) and forgets their digest. */
    void markStale(String crm, long count) {
        sql("UPDATE crm_synchronisations SET source_watermark = source_watermark - INTERVAL '1 year', last_digest = NULL"
                + " WHERE crm_name = '" + crm + "' AND CAST(resource_id AS BIGINT) <= " + count);
        settle("crm_synchronisations");
    }

    /** Undoes {@link #markStale}'s watermark shift for every user. */
    void shiftWatermarks(String crm, String interval) {
        sql("UPDATE crm_synchronisations SET source_watermark = source_watermark + INTERVAL '" + interval + "'"
                + " WHERE crm_name = '" + crm + "'");
        settle("crm_synchronisations");
    }

    /**
     * Vacuums and analyzes a table just rewritten (every table for {@code ""}), as autovacuum would
     * soon, and writes its pages out now rather than during the measured scenario that follows.
     */
    private void settle(String table) {
        sql("VACUUM ANALYZE " + table);
        try {
            sql("CHECKPOINT");
        } catch (IllegalStateException e) {
            // CHECKPOINT needs a superuser (or pg_checkpoint): on a database of the user's, measure as it is
            Figures.print("note.checkpoint_skipped", String.valueOf(e.getCause()).replace('\n', ' '));
        }
    }

    long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a query and reads every row's first column as a number, as the finder reads ids; returns the rows read. */
    long readIds(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            long rows = 0;
            while (rs.next()) {
                rs.getLong(1);
                rows++;
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void sql(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
