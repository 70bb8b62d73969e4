package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;

/** Claims on records on PostgreSQL. */
@QuarkusTest
@PostgresTest
class PostgresClaimStoreTest extends AbstractClaimStoreTest {
}
