package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;

/** The stale finder suite on PostgreSQL. */
@QuarkusTest
@PostgresTest
class PostgresStaleFinderTest extends AbstractStaleFinderTest {
}
