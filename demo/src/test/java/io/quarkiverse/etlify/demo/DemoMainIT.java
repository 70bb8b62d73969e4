package io.quarkiverse.etlify.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/**
 * The demo runs as README says ({@code java -jar demo/target/quarkus-app/quarkus-run.jar}, no token: the local
 * HubSpot sandbox) and prints the expected story. The build clears {@code HUBSPOT_PRIVATE_APP_TOKEN} for this test.
 */
@QuarkusMainIntegrationTest
class DemoMainIT {

    @Test
    @Launch
    void syncsIntoTheLocalHubSpotSandbox(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        String out = result.getOutput();
        assertThat(out).doesNotContain("WARN", "ERROR");
        assertThat(out).contains("Ada <ada@capsens.eu>         -> BUFFERED", "Company Capsens              -> SYNCED",
                "Ada <ada@capsens.eu>         -> SYNCED", "Anonymous <null>             -> SKIPPED",
                "Grace <grace@capsens.eu>     -> NOT_MODIFIED", "Ada <ada.lovelace@capsens.eu> -> SYNCED",
                "(4 requests: CREATE=1, UPDATE=1, BATCH_UPSERT=2; contract violations: 0)",
                "companies 1001 {domain=capsens.eu, name=Capsens}",
                "contacts 1002 {company=Capsens, email=ada.lovelace@capsens.eu, firstname=Ada, lastname=Lovelace,"
                        + " total_invested=2500.00}",
                "Deleting Grace from the CRM: DELETED; once more: NOOP");
    }
}
