package io.quarkiverse.etlify.it.onchange;

import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.test.HubSpotSandboxResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/** CRM {@code changes} (the sync-on-change domain) on the HubSpot adapter against a sandbox; a quick queue. */
public class SyncOnChangeProfile implements QuarkusTestProfile {

    static final String TOKEN = "pat-na1-changes-token-0001";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.log.category.\"io.quarkiverse.etlify.runtime.stale.OwnerFinder\".level", "DEBUG",
                "quarkus.etlify.crm.changes.adapter", "hubspot",
                "quarkus.etlify.crm.changes.retry.max-retries", "3",
                "quarkus.etlify.crm.changes.retry.delay", "20ms",
                "quarkus.etlify.crm.changes.retry.max-delay", "200ms",
                "quarkus.etlify.crm.changes.queue.poll-interval", "200ms",
                "quarkus.etlify.crm.changes.queue.retry-backoff", "50ms",
                "quarkus.etlify.crm.changes.queue.lease", "5s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(HubSpotSandboxResource.class, Map.of("crms", "changes",
                "access-token", TOKEN, "rate-limit", "off")));
    }
}
