package io.quarkiverse.etlify.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Two records landing on one CRM record, on H2. */
@QuarkusTest
@TestProfile(H2Stores.class)
class H2CrmRecordConflictTest extends AbstractCrmRecordConflictTest {
}
