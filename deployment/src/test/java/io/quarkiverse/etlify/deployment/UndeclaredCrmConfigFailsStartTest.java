package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Run-time settings for a CRM no adapter declares (a typo in the name). */
class UndeclaredCrmConfigFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("undeclared-crm", new String[] { "quarkus.etlify.crm.hubsopt.* is set but CRM 'hubsopt' is not declared" })
            .overrideConfigKey("quarkus.etlify.crm.hubsopt.enabled", "false");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
