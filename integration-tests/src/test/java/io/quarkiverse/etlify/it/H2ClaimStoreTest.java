package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Claims on records on H2. */
@QuarkusTest
@TestProfile(H2Stores.class)
class H2ClaimStoreTest extends AbstractClaimStoreTest {
}
