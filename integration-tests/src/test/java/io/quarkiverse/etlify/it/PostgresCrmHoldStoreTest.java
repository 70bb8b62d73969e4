package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;

/** Holds on CRMs on PostgreSQL. */
@QuarkusTest
@PostgresTest
class PostgresCrmHoldStoreTest extends AbstractCrmHoldStoreTest {
}
