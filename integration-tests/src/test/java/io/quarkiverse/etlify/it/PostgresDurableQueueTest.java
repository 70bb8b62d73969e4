package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The durable queue on PostgreSQL. */
@QuarkusTest
@PostgresTest
@TestProfile(QueueTuning.class)
class PostgresDurableQueueTest extends AbstractDurableQueueTest {
}
