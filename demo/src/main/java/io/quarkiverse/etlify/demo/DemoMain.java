package io.quarkiverse.etlify.demo;

import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Runs the demo against HubSpot when {@code HUBSPOT_PRIVATE_APP_TOKEN} is set (with 100 users unless
 * {@code DEMO_USERS} says otherwise: it is your account), and otherwise against a local HubSpot sandbox started here,
 * before Quarkus reads its configuration, on a free port.
 */
@QuarkusMain
public class DemoMain {

    static final String TOKEN_VARIABLE = "HUBSPOT_PRIVATE_APP_TOKEN";

    static final String SANDBOX_TOKEN = "demo-sandbox-token";

    /** The local sandbox, {@code null} when the demo talks to HubSpot itself. */
    static HubSpotSandbox sandbox;

    public static void main(String... args) {
        String token = System.getenv(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            sandbox = HubSpotSandbox.builder().accessToken(SANDBOX_TOKEN).build().start();
            System.setProperty("quarkus.etlify.crm.hubspot.hubspot.base-url", sandbox.baseUrl());
            System.setProperty("quarkus.etlify.crm.hubspot.hubspot.access-token", SANDBOX_TOKEN);
        } else if (System.getenv("DEMO_USERS") == null && System.getProperty("demo.users") == null) {
            System.setProperty("demo.users", "100");
        }
        Quarkus.run(DemoApp.class, args);
    }
}
