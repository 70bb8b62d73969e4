package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.runtime.state.Jdbc;
import io.quarkus.test.junit.QuarkusTest;

/** The stale finder suite on PostgreSQL, and the planner setting its windows are searched with. */
@QuarkusTest
@PostgresTest
class PostgresStaleFinderTest extends AbstractStaleFinderTest {

    @Inject
    DataSource dataSource;

    @Test
    void windowsAggregateBySortingWithinTheirTransactionOnly() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Jdbc.dialect(connection).aggregateBySorting(connection);
            assertThat(setting(connection, "enable_hashagg")).isEqualTo("off");

            connection.commit();

            // the pooled connection goes back to other work as it came
            assertThat(setting(connection, "enable_hashagg")).isEqualTo("on");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
