package io.quarkiverse.etlify.it.hubspot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.test.HubSpotSandboxResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A HubSpot account limited to 5 requests per rolling second, and CRM {@code hubspot} configured
 * with that limit, shared through the database (the default).
 */
public class ThrottledHubSpotProfile implements QuarkusTestProfile {

    static final int MAX_REQUESTS = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(HubSpotProfile.hubspot());
        config.put("quarkus.etlify.crm.hubspot.rate-limit.max-requests", Integer.toString(MAX_REQUESTS));
        config.put("quarkus.etlify.crm.hubspot.rate-limit.period", "1s");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HubSpotSandboxResource.class,
                Map.of("rate-limit", MAX_REQUESTS + "/1s", "access-token", HubSpotProfile.TOKEN)));
    }
}
