package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An adapter name matching no built-in kind and no CrmAdapter bean. */
class UnknownAdapterFailsStartTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("unknown-adapter", new String[] { "quarkus.etlify.crm.hubspot.adapter=salesforce names no adapter", "null" })
            .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "salesforce");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
