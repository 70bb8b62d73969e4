package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;

/** Database leases on PostgreSQL. */
@QuarkusTest
@PostgresTest
class PostgresLeaseStoreTest extends AbstractLeaseStoreTest {
}
