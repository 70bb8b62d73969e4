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
            return H2Database.config("etlify-finder", Map.of("quarkus.etlify.batch-sync.finder-parallelism", "3"));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
