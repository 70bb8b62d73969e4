package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The rate-limit permit log on H2. */
@QuarkusTest
@TestProfile(H2Stores.class)
class H2RateLimitPermitStoreTest extends AbstractRateLimitPermitStoreTest {
}
