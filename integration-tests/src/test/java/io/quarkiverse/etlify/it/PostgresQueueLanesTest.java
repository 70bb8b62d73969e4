package io.quarkiverse.etlify.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The queue's lanes on PostgreSQL. */
@QuarkusTest
@PostgresTest
@TestProfile(PostgresQueueLanesTest.Lanes.class)
class PostgresQueueLanesTest extends AbstractQueueLanesTest {

    public static class Lanes implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return laneTuning();
        }
    }
}
