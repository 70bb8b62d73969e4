package io.quarkiverse.etlify.it;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The queue's lanes on H2, where a request is recorded by {@code MERGE} instead of {@code ON CONFLICT}. */
@QuarkusTest
@TestProfile(H2QueueLanesTest.Lanes.class)
class H2QueueLanesTest extends AbstractQueueLanesTest {

    public static class Lanes implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(laneTuning());
            config.put("quarkus.datasource.db-kind", "h2");
            config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:etlify-lanes;DB_CLOSE_DELAY=-1");
            config.put("quarkus.datasource.username", "sa");
            config.put("quarkus.datasource.password", "");
            return config;
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
