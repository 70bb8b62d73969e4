package io.quarkiverse.etlify.it;

import java.util.HashMap;
import java.util.Map;

/** The configuration putting an in-memory H2 database in the place of PostgreSQL. */
final class H2Database {

    private H2Database() {
    }

    /**
     * {@code extra} on an H2 database of its own: in-memory H2 outlives application restarts within the
     * test JVM, so each profile names its own database.
     */
    static Map<String, String> config(String name, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(extra);
        config.put("quarkus.datasource.db-kind", "h2");
        config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        config.put("quarkus.datasource.username", "sa");
        config.put("quarkus.datasource.password", "");
        return config;
    }
}
