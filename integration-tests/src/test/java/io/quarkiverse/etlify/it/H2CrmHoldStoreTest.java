package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Holds on CRMs on H2. */
@QuarkusTest
@TestProfile(H2Stores.class)
class H2CrmHoldStoreTest extends AbstractCrmHoldStoreTest {
}
