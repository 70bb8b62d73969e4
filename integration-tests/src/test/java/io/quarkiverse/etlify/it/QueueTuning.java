package io.quarkiverse.etlify.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Short leases and back-offs, three workers per CRM: queue behaviour observable within a test. */
public class QueueTuning implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.etlify.crm.hubspot.queue.concurrency", "3",
                "quarkus.etlify.crm.hubspot.queue.batch-size", "50",
                "quarkus.etlify.crm.hubspot.queue.lease", "2s",
                "quarkus.etlify.crm.hubspot.queue.poll-interval", "200ms",
                "quarkus.etlify.crm.hubspot.queue.retry-backoff", "50ms");
    }
}
