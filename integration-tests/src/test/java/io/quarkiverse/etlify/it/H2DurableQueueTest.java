package io.quarkiverse.etlify.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The durable queue on H2, whose requests are claimed by H2's own {@code SKIP LOCKED}. */
@QuarkusTest
@TestProfile(H2DurableQueueTest.Queue.class)
class H2DurableQueueTest extends AbstractDurableQueueTest {

    public static class Queue extends QueueTuning {

        @Override
        public Map<String, String> getConfigOverrides() {
            return H2Database.config("etlify-queue", super.getConfigOverrides());
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
