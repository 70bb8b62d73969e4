package io.quarkiverse.etlify.runtime.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;

/** Plain SQL on the connection of the current transaction (Etlify's persistence unit). */
public final class Jdbc {

    private static volatile SqlDialect dialect;

    private Jdbc() {
    }

    /** Runs SQL on the current transaction's connection; requires an active transaction. */
    public static <T> T work(SqlWork<T> work) {
        Session session = Panache.getEntityManager(CrmSynchronisation.class).unwrap(Session.class);
        return session.doReturningWork(work::run);
    }

    /** The dialect of Etlify's database. */
    public static SqlDialect dialect(Connection connection) throws SQLException {
        SqlDialect d = dialect;
        if (d == null) {
            dialect = d = SqlDialect.of(connection.getMetaData().getDatabaseProductName());
        }
        return d;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** SQL run with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
