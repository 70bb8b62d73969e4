package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/** Mistakes in different parts of the configuration are all reported by the one failure of the first start. */
class FourMistakesFailStartOnceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("four-mistakes")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "hubspot")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.access-token", "pat-test")
            .overrideConfigKey("quarkus.etlify.batch-sync.lease", "-1s")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.dispatcher", "kafka")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.account-time-zone", "Mars/Olympus")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.queue.batch-size", "0")
            .assertException(FourMistakesFailStartOnceTest::listsAllFour);

    private static void listsAllFour(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof ConfigurationException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a ConfigurationException in %s", TestApps.messages(failure)).isNotNull();
        assertThat(cause.getMessage().lines())
                .first().isEqualTo("Invalid Etlify configuration:");
        assertThat(cause.getMessage().lines().skip(1))
                .hasSize(4)
                .anySatisfy(line -> assertThat(line).startsWith(" - quarkus.etlify.batch-sync.lease must be positive, got PT-1S"))
                .anySatisfy(line -> assertThat(line).startsWith(" - quarkus.etlify.crm.hubspot.dispatcher=kafka "))
                .anySatisfy(line -> assertThat(line)
                        .startsWith(" - quarkus.etlify.crm.hubspot.hubspot.account-time-zone must be a time zone ID"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith(" - quarkus.etlify.crm.hubspot.queue.batch-size must be positive, got 0"));
    }

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
