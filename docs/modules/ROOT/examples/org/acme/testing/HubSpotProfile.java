package org.acme.testing;

import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.test.HubSpotSandboxResource;
import io.quarkus.test.junit.QuarkusTestProfile;

// tag::profile[]
public class HubSpotProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.etlify.crm.hubspot.adapter", "hubspot"); // the real adapter, not in-memory
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HubSpotSandboxResource.class,
                Map.of("rate-limit", "5/1s"))); // the sandbox's limit, like a small HubSpot account's
    }
}
// end::profile[]
