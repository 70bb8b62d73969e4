package io.quarkiverse.etlify.it.hubspot;

import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.test.HubSpotSandboxResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/** A HubSpot account allowed 3 requests a day. */
public class DailyLimitedHubSpotProfile implements QuarkusTestProfile {

    static final int DAILY_LIMIT = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return HubSpotProfile.hubspot();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HubSpotSandboxResource.class,
                Map.of("daily-limit", Integer.toString(DAILY_LIMIT), "access-token", HubSpotProfile.TOKEN)));
    }
}
