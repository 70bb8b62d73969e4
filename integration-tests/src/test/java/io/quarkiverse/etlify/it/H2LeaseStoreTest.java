package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Database leases on H2. */
@QuarkusTest
@TestProfile(H2Stores.class)
class H2LeaseStoreTest extends AbstractLeaseStoreTest {
}
