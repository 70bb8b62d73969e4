package io.quarkiverse.etlify.it;

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
            return H2Database.config("etlify-lanes", laneTuning());
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
