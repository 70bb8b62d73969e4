package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;

/** The rate-limit permit log on PostgreSQL. */
@QuarkusTest
@PostgresTest
class PostgresRateLimitPermitStoreTest extends AbstractRateLimitPermitStoreTest {
}
