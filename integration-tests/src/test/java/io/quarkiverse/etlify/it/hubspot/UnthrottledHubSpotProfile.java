package io.quarkiverse.etlify.it.hubspot;

import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.test.HubSpotSandboxResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A HubSpot account limited to 5 requests per rolling second (429 answers with {@code Retry-After}),
 * and CRM {@code hubspot} configured without any limit: a 429 storm.
 */
public class UnthrottledHubSpotProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return HubSpotProfile.hubspot();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HubSpotSandboxResource.class, Map.of("rate-limit", "5/1s",
                "retry-after-header", "true", "access-token", HubSpotProfile.TOKEN)));
    }
}
