package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A typo in enabled is an error naming the property, not a silent false. */
class StrictEnabledFlagFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("strict-enabled", new String[] { "quarkus.etlify.crm.hubspot.enabled", "expected true or false, got 'ture'" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.enabled", "ture");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
