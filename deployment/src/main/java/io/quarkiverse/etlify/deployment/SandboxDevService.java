package io.quarkiverse.etlify.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.quarkiverse.etlify.airtable.sandbox.AirtableSandbox;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.deployment.builditem.Startable;

/**
 * One in-process CRM sandbox standing in for one CRM in dev and test mode: no container, a free port, the
 * CRM's documented limits. HubSpot's sandbox checks every request against HubSpot's contracts; Airtable's
 * creates the tables and fields the requests name.
 */
final class SandboxDevService implements Startable {

    /** The adapters that have a sandbox. */
    enum Kind {
        HUBSPOT("hubspot", "HubSpot"),
        AIRTABLE("airtable", "Airtable");

        final String adapter;
        final String label;

        Kind(String adapter, String label) {
            this.adapter = adapter;
            this.label = label;
        }

        static Kind of(String adapter) {
            for (Kind kind : values()) {
                if (kind.adapter.equals(adapter)) {
                    return kind;
                }
            }
            return null;
        }
    }

    private final Kind kind;
    private final String crm;
    private final String token = "pat-devservice-" + UUID.randomUUID();
    private AutoCloseable sandbox;
    private String baseUrl;
    private String baseId;

    SandboxDevService(Kind kind, String crm) {
        this.kind = kind;
        this.crm = crm;
    }

    @Override
    public synchronized void start() {
        if (kind == Kind.HUBSPOT) {
            HubSpotSandbox hubspot = HubSpotSandbox.builder().accessToken(token).build().start();
            sandbox = hubspot;
            baseUrl = hubspot.baseUrl();
        } else {
            AirtableSandbox airtable = AirtableSandbox.builder().accessToken(token).autoCreate(true).build().start();
            sandbox = airtable;
            baseUrl = airtable.baseUrl();
            baseId = airtable.baseId();
        }
    }

    /** The properties pointing the CRM at this sandbox. */
    static Map<String, Function<SandboxDevService, String>> config(Kind kind, String prefix) {
        Map<String, Function<SandboxDevService, String>> config = new LinkedHashMap<>();
        config.put(prefix + kind.adapter + ".base-url", SandboxDevService::baseUrl);
        config.put(prefix + kind.adapter + ".access-token", SandboxDevService::token);
        if (kind == Kind.AIRTABLE) {
            config.put(prefix + "airtable.base-id", SandboxDevService::baseId);
        }
        return config;
    }

    synchronized String baseUrl() {
        return baseUrl;
    }

    synchronized String baseId() {
        return baseId;
    }

    String token() {
        return token;
    }

    @Override
    public String getConnectionInfo() {
        return kind.label + " sandbox for CRM " + crm + " at " + baseUrl();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            try {
                sandbox.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the " + kind.label + " sandbox of CRM " + crm, e);
            }
            sandbox = null;
        }
    }
}
