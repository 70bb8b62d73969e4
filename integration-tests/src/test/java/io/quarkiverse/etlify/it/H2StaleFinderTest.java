package io.quarkiverse.etlify.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The stale finder suite on H2, which many Quarkus applications test on; three windows searched at once
 * (PostgreSQL's suite runs with the default two), so that the 45,000 ids' three windows are all in flight.
 */
@QuarkusTest
@TestProfile(H2StaleFinderTest.H2.class)
class H2StaleFinderTest extends AbstractStaleFinderTest {

    /** The same application on an in-memory H2 database (the embedded PostgreSQL is not started). */
    public static class H2 implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.db-kind", "h2",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:etlify-finder;DB_CLOSE_DELAY=-1",
                    "quarkus.datasource.username", "sa",
                    "quarkus.datasource.password", "",
                    "quarkus.etlify.batch-sync.finder-parallelism", "3");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
