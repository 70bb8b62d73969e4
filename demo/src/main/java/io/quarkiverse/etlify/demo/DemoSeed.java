package io.quarkiverse.etlify.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

/**
 * Fills the demo's tables with plain JDBC, as data written before Etlify was added would be: Hibernate sees none of
 * it, so nothing is synced until a batch sync finds these records stale.
 */
final class DemoSeed {

    private static final List<String> FIRST_NAMES = List.of("Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances",
            "Donald", "Margaret", "Dennis", "Radia", "John", "Hedy", "Tim", "Katherine", "Linus", "Sophie");
    private static final List<String> LAST_NAMES = List.of("Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra",
            "Allen", "Knuth", "Hamilton", "Ritchie", "Perlman", "Backus", "Lamarr", "Berners-Lee", "Johnson",
            "Torvalds", "Wilson");
    private static final int BATCH = 1_000;

    /** How much to seed: users, their companies, and investments per user. */
    record Size(int users, int companies, int investmentsPerUser) {

        int investments() {
            return users * investmentsPerUser;
        }

        int rows() {
            return users + companies + investments();
        }
    }

    private DemoSeed() {
    }

    /** The next last name of the list, for a user who changes theirs. */
    static String otherLastName(String current) {
        return LAST_NAMES.get((LAST_NAMES.indexOf(current) + 1) % LAST_NAMES.size());
    }

    static void seed(DataSource dataSource, Size size) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, "INSERT INTO companies (id, name, domain, updatedAt) VALUES (?, ?, ?, ?)",
                    size.companies(), (row, id) -> {
                        row.setLong(1, id);
                        row.setString(2, "Company " + id);
                        row.setString(3, "company" + id + ".example.com");
                        row.setTimestamp(4, now);
                    });
            insert(connection, "INSERT INTO users (id, email, firstName, lastName, company_id, updatedAt)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", size.users(), (row, id) -> {
                        String first = FIRST_NAMES.get((int) (id % FIRST_NAMES.size()));
                        String last = LAST_NAMES.get((int) (id / FIRST_NAMES.size() % LAST_NAMES.size()));
                        row.setLong(1, id);
                        row.setString(2, (first + "." + last + id + "@example.com").toLowerCase());
                        row.setString(3, first);
                        row.setString(4, last);
                        row.setLong(5, 1 + id % size.companies());
                        row.setTimestamp(6, now);
                    });
            insert(connection, "INSERT INTO investments (id, user_id, amount, updatedAt) VALUES (?, ?, ?, ?)",
                    size.investments(), (row, id) -> {
                        row.setLong(1, id);
                        row.setLong(2, 1 + (id - 1) % size.users());
                        row.setBigDecimal(3, BigDecimal.valueOf(500 + id * 37 % 9_500, 0).setScale(2));
                        row.setTimestamp(4, now);
                    });
            // Hibernate draws the ids of the entities the activity creates from these sequences
            try (Statement statement = connection.createStatement()) {
                for (String table : List.of("companies", "users", "investments")) {
                    statement.execute("ALTER SEQUENCE " + table + "_SEQ RESTART WITH " + (size.rows() + 1_000));
                }
            }
            connection.commit();
        }
    }

    private interface Row {
        void fill(PreparedStatement statement, long id) throws SQLException;
    }

    private static void insert(Connection connection, String sql, int count, Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (long id = 1; id <= count; id++) {
                row.fill(statement, id);
                statement.addBatch();
                if (id % BATCH == 0 || id == count) {
                    statement.executeBatch();
                }
            }
        }
    }
}
