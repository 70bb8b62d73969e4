package io.quarkiverse.etlify.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Counts the SQL statements the application sent to PostgreSQL, from {@code pg_stat_statements} (loaded by
 * {@link BenchmarkMain}'s embedded database; on another database, only when its administrator loaded it).
 * Top-level statements only, as the client sent them; the counter's own queries are left out.
 */
final class Statements {

    private final DataSource dataSource;
    private final boolean available;

    Statements(DataSource dataSource) {
        this.dataSource = dataSource;
        this.available = run("CREATE EXTENSION IF NOT EXISTS pg_stat_statements") && reset();
    }

    boolean available() {
        return available;
    }

    /** Forgets what was counted so far. */
    boolean reset() {
        return run("SELECT pg_stat_statements_reset()");
    }

    /** Statements executed since the last reset whose text contains {@code fragment} (all of them when empty). */
    long count(String fragment) {
        return count("ILIKE", fragment);
    }

    /** Statements executed since the last reset whose text does not contain {@code fragment}. */
    long countAllBut(String fragment) {
        return count("NOT ILIKE", fragment);
    }

    /** Milliseconds the database spent executing the statements counted by {@link #countAllBut}. */
    double executionMillisAllBut(String fragment) {
        String sql = "SELECT COALESCE(SUM(total_exec_time), 0) FROM pg_stat_statements WHERE query NOT LIKE"
                + " '%pg_stat_statements%' AND query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK', 'SELECT 1')"
                + " AND query NOT ILIKE ?";
        try (Connection connection = dataSource.getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setString(1, "%" + fragment + "%");
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private long count(String operator, String fragment) {
        String sql = "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'"
                + " AND query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK', 'SELECT 1') AND query " + operator + " ?";
        try (Connection connection = dataSource.getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setString(1, "%" + fragment + "%");
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The statements counted so far, most executed first: {@code calls<TAB>query}, one a line. */
    java.util.List<String> top(int limit) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var select = connection.prepareStatement("SELECT calls, round(mean_exec_time::numeric, 3), query FROM pg_stat_statements"
                        + " WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getLong(1) + "\t" + rs.getString(2) + "ms\t" + rs.getString(3).replaceAll("\\s+", " "));
                }
            }
        } catch (SQLException e) {
            lines.add(e.toString());
        }
        return lines;
    }

    private boolean run(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
