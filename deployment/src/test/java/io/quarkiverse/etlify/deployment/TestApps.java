package io.quarkiverse.etlify.deployment;

import java.util.function.Consumer;

import org.assertj.core.api.Assertions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/** A Quarkus test application on an in-memory H2 database, with CRM "hubspot" on the null adapter. */
final class TestApps {

    private TestApps() {
    }

    static QuarkusUnitTest h2(String database, Class<?>... classes) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(classes).addClass(TestApps.class))
                .overrideConfigKey("quarkus.datasource.db-kind", "h2")
                .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
                .overrideConfigKey("quarkus.hibernate-orm.schema-management.strategy", "update")
                .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "null");
    }

    /** An application expected to fail (build or start) with a message containing every fragment. */
    static QuarkusUnitTest failing(String database, String[] fragments, Class<?>... classes) {
        Consumer<Throwable> check = failure -> Assertions.assertThat(messages(failure)).contains(fragments);
        return h2(database, classes).assertException(check);
    }

    /** The entity, persisted and committed in a transaction of its own. */
    static <T extends PanacheEntityBase> T persisted(T entity) {
        QuarkusTransaction.requiringNew().run(entity::persist);
        return entity;
    }

    /** The messages of a failure and all its causes and suppressed exceptions. */
    static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        collect(failure, all, 0);
        return all.toString();
    }

    private static void collect(Throwable failure, StringBuilder all, int depth) {
        if (failure == null || depth > 20) {
            return;
        }
        all.append(failure.getMessage()).append('\n');
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, all, depth + 1);
        }
        collect(failure.getCause(), all, depth + 1);
    }
}
