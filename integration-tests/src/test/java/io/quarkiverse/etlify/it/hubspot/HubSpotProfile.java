package io.quarkiverse.etlify.it.hubspot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.test.HubSpotSandboxResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * CRM {@code hubspot} on the HubSpot adapter against a sandbox with HubSpot's default limits, fast
 * retries, plus two more CRMs on the same sandbox: {@code wrongtoken} (a token the sandbox refuses)
 * and {@code fragile} (no retries, a circuit breaker opening after 4 calls).
 */
public class HubSpotProfile implements QuarkusTestProfile {

    static final String TOKEN = "pat-na1-sandbox-token-0001";
    static final String WRONG_TOKEN = "pat-na1-wrong-token-0123456789";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(hubspot());
        config.put("quarkus.etlify.crm.hubspot.hubspot.read-timeout", "1500ms");
        config.put("quarkus.etlify.crm.wrongtoken.adapter", "hubspot");
        config.put("quarkus.etlify.crm.wrongtoken.hubspot.base-url", "${quarkus.etlify.crm.hubspot.hubspot.base-url}");
        config.put("quarkus.etlify.crm.wrongtoken.hubspot.access-token", WRONG_TOKEN);
        config.put("quarkus.etlify.crm.fragile.adapter", "hubspot");
        config.put("quarkus.etlify.crm.fragile.retry.max-retries", "0");
        config.put("quarkus.etlify.crm.fragile.circuit-breaker.request-volume-threshold", "4");
        config.put("quarkus.etlify.crm.fragile.circuit-breaker.delay", "60s");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HubSpotSandboxResource.class, Map.of("crms", "hubspot,fragile",
                "access-token", TOKEN, "unique-properties", "p123_subscription:subscription_id")));
    }

    /** CRM {@code hubspot} on the HubSpot adapter, with retries fast enough for tests. */
    static Map<String, String> hubspot() {
        return Map.of("quarkus.etlify.crm.hubspot.adapter", "hubspot",
                "quarkus.etlify.crm.hubspot.retry.max-retries", "3",
                "quarkus.etlify.crm.hubspot.retry.delay", "20ms",
                "quarkus.etlify.crm.hubspot.retry.max-delay", "200ms",
                "quarkus.etlify.crm.hubspot.retry.jitter", "10ms",
                "quarkus.etlify.crm.hubspot.circuit-breaker.enabled", "true");
    }
}
