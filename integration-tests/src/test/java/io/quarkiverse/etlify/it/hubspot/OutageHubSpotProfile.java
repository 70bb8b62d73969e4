package io.quarkiverse.etlify.it.hubspot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.test.HubSpotSandboxResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * CRM {@code hubspot} on the HubSpot adapter, its durable queue draining fast in small batches, at
 * most 3 errors per record, a circuit breaker opening within a second of an outage and trying again
 * a second later, refused credentials tried again after 300 ms; a sandbox without rate limits.
 */
public class OutageHubSpotProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(HubSpotProfile.hubspot());
        config.put("quarkus.etlify.crm.hubspot.max-sync-errors", "3");
        config.put("quarkus.etlify.crm.hubspot.retry.max-retries", "2");
        config.put("quarkus.etlify.crm.hubspot.circuit-breaker.request-volume-threshold", "10");
        config.put("quarkus.etlify.crm.hubspot.circuit-breaker.delay", "1s");
        config.put("quarkus.etlify.crm.hubspot.unauthorized-pause", "300ms");
        config.put("quarkus.etlify.crm.hubspot.queue.batch-size", "10");
        config.put("quarkus.etlify.crm.hubspot.queue.concurrency", "2");
        config.put("quarkus.etlify.crm.hubspot.queue.poll-interval", "100ms");
        config.put("quarkus.etlify.crm.hubspot.queue.retry-backoff", "200ms");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HubSpotSandboxResource.class,
                Map.of("access-token", HubSpotProfile.TOKEN, "rate-limit", "off")));
    }
}
