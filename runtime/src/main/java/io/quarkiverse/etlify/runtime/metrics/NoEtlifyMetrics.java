package io.quarkiverse.etlify.runtime.metrics;

import java.time.Duration;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.SyncResult;
import io.quarkus.arc.DefaultBean;

/** The metrics of an application without Micrometer: none. */
@ApplicationScoped
@DefaultBean
class NoEtlifyMetrics implements EtlifyMetrics {

    @Override
    public void recordSync(String crm, String model, SyncResult result, Duration took) {
    }

    @Override
    public void recordBatch(String crm, String model, Collection<SyncResult> results, Duration took) {
    }

    @Override
    public void recordRequest(String crm, String operation, String outcome) {
    }

    @Override
    public void recordThrottleWait(String crm, Duration waited) {
    }
}
