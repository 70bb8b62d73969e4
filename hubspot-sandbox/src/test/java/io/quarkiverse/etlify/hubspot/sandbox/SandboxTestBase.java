package io.quarkiverse.etlify.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One sandbox per test class (starting/stopping a JDK HttpServer is not free), reset before every test; every answer
 * the tests receive must satisfy HubSpot's contract.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxTestBase {

    static final String TOKEN = "pat-na1-test-token-1234";
    static final String SUBSCRIPTIONS = "p123_subscription";

    protected HubSpotSandbox sandbox;
    protected SandboxClient client;

    /** The standard configuration; subclasses change it for their subject. */
    protected HubSpotSandbox.Builder configure(HubSpotSandbox.Builder builder) {
        return builder.accessToken(TOKEN).uniqueProperty(SUBSCRIPTIONS, "subscription_id").noRateLimits();
    }

    @BeforeAll
    void startSandbox() {
        sandbox = configure(HubSpotSandbox.builder().port(0)).build().start();
        client = new SandboxClient(sandbox, TOKEN);
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        client.responseProblems().clear();
    }

    @AfterEach
    void answersFollowTheContract() {
        assertThat(client.responseProblems()).as("answers violating HubSpot's contract").isEmpty();
    }
}
