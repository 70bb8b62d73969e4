package io.quarkiverse.etlify.deployment;

import java.util.UUID;

import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.deployment.builditem.Startable;

/** One in-process HubSpot sandbox standing in for one CRM in dev and test mode: no container, a free port. */
final class SandboxDevService implements Startable {

    private final String crm;
    private final String token = "pat-devservice-" + UUID.randomUUID();
    private HubSpotSandbox sandbox;

    SandboxDevService(String crm) {
        this.crm = crm;
    }

    @Override
    public synchronized void start() {
        // HubSpot's default limits, as in the HubSpot sandbox's own defaults: dev mode meets the 429s it will meet live
        sandbox = HubSpotSandbox.builder().accessToken(token).build().start();
    }

    synchronized String baseUrl() {
        return sandbox.baseUrl();
    }

    String token() {
        return token;
    }

    @Override
    public String getConnectionInfo() {
        return "HubSpot sandbox for CRM " + crm + " at " + baseUrl();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
