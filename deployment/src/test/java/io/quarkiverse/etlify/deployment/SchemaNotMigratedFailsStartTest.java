package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Told not to migrate, Etlify names the tables missing and the scripts to run. */
class SchemaNotMigratedFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("not-migrated", new String[] { "Etlify's schema is missing", "table crm_synchronisations", "table etlify_pending_syncs", "quarkus.etlify.schema.migrate-at-start=true", "db/etlify/h2/V1__create_etlify_tables.sql" })
            .overrideConfigKey("quarkus.etlify.schema.migrate-at-start", "false");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
