package io.quarkiverse.etlify.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The demo runs as README says and prints the expected story. */
@QuarkusMainTest
class DemoMainTest {

    @Test
    @Launch
    void printsEachStep(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        String out = result.getOutput();
        assertThat(out).doesNotContain("WARN", "ERROR");
        assertThat(out).contains("Ada <ada@capsens.eu>         -> BUFFERED", "Company Capsens              -> SYNCED",
                "Ada <ada@capsens.eu>         -> SYNCED", "Anonymous <null>             -> SKIPPED",
                "Grace <grace@capsens.eu>     -> NOT_MODIFIED", "Ada <ada.lovelace@capsens.eu> -> SYNCED",
                "(4 upsert calls in all)", "Deleting Grace from the CRM: DELETED; once more: NOOP");
    }
}
