package io.quarkiverse.etlify.airtable.sandbox;

import static io.quarkiverse.etlify.airtable.sandbox.SandboxClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitTest extends SandboxTestBase {

    @Test
    void fiveRequestsPerSecondThenA429AndThirtySecondsOfPenalty() {
        for (int i = 0; i < 5; i++) {
            assertThat(create(i)).isEqualTo(200);
        }
        SandboxClient.Answer limited = client.send("POST", people, json("{'fields':{'email':'x@example.com'}}"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorType()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.body().at("/error/message").asText()).isEqualTo("Rate limit exceeded. Please try again later");

        now.addAndGet(29_000_000_000L);
        assertThat(create(6)).as("still within the penalty").isEqualTo(429);
        now.addAndGet(1_000_000_000L);
        assertThat(create(7)).isEqualTo(200);

        assertThat(sandbox.count429()).isEqualTo(2);
        assertThat(sandbox.count("People")).as("a refused request changes nothing").isEqualTo(6);
    }

    @Test
    void theWindowRolls() {
        for (int i = 0; i < 5; i++) {
            assertThat(create(i)).isEqualTo(200);
            now.addAndGet(250_000_000L);
        }
        // the first request is now 1.25 s old, the second 1 s
        assertThat(create(5)).isEqualTo(200);
        assertThat(sandbox.count429()).isZero();
    }

    @Test
    void noRateLimitsSwitchesItOff() {
        try (AirtableSandbox unlimited = AirtableSandbox.builder().noRateLimits().autoCreate(true).build().start()) {
            SandboxClient any = new SandboxClient(unlimited.baseUrl(), "token");
            for (int i = 0; i < 20; i++) {
                assertThat(any.send("POST", "/v0/" + unlimited.baseId() + "/People",
                        json("{'fields':{'n':" + i + "}}")).status()).isEqualTo(200);
            }
            assertThat(unlimited.count429()).isZero();
        }
    }

    private int create(int i) {
        return client.send("POST", people, json("{'fields':{'email':'u" + i + "@example.com'}}")).status();
    }
}
