package io.quarkiverse.etlify.runtime.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkus.runtime.StartupEvent;

/**
 * Etlify's meters in the application's Micrometer registry (registered by the build only when the
 * application has Micrometer):
 * <ul>
 * <li>{@code etlify.syncs} (counter; crm, model, result): records synced, by {@link SyncResult};</li>
 * <li>{@code etlify.sync.duration} (timer; crm, model, mode {@code record} or {@code batch}): one inline
 * sync of a record, or one batch;</li>
 * <li>{@code etlify.crm.requests} (counter; crm, operation, outcome): requests that reached the CRM;</li>
 * <li>{@code etlify.crm.throttle.wait} (timer; crm): time a request waited for the CRM's rate limit;</li>
 * <li>{@code etlify.queue.depth} and {@code etlify.records.failing} (gauges; crm): records waiting in the
 * durable queue, and those whose last sync failed, counted at most every few seconds.</li>
 * </ul>
 */
@ApplicationScoped
class MicrometerEtlifyMetrics implements EtlifyMetrics {

    private final MeterRegistry registry;
    private final SyncRowCounts counts = new SyncRowCounts();

    @Inject
    MicrometerEtlifyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void registerGauges(@Observes StartupEvent event, Etlify etlify) {
        for (String crm : etlify.crmNames()) {
            Gauge.builder("etlify.queue.depth", counts, c -> c.queueDepth(crm)).tag("crm", crm)
                    .description("Records waiting in the durable queue").register(registry);
            Gauge.builder("etlify.records.failing", counts, c -> c.failing(crm)).tag("crm", crm)
                    .description("Records whose last sync failed").register(registry);
        }
    }

    @PreDestroy
    void close() {
        counts.close();
    }

    @Override
    public void recordSync(String crm, String model, SyncResult result, Duration took) {
        syncs(crm, model, result).increment();
        duration(crm, model, "record").record(took);
    }

    @Override
    public void recordBatch(String crm, String model, Collection<SyncResult> results, Duration took) {
        Map<SyncResult, Integer> byResult = new EnumMap<>(SyncResult.class);
        results.forEach(result -> byResult.merge(result, 1, Integer::sum));
        byResult.forEach((result, count) -> syncs(crm, model, result).increment(count));
        duration(crm, model, "batch").record(took);
    }

    @Override
    public void recordRequest(String crm, String operation, String outcome) {
        Counter.builder("etlify.crm.requests").description("Requests sent to the CRM")
                .tags("crm", crm, "operation", operation, "outcome", outcome).register(registry).increment();
    }

    @Override
    public void recordThrottleWait(String crm, Duration waited) {
        Timer.builder("etlify.crm.throttle.wait").description("Time a request waited for the CRM's rate limit")
                .tags("crm", crm).register(registry).record(waited);
    }

    private Counter syncs(String crm, String model, SyncResult result) {
        return Counter.builder("etlify.syncs").description("Records synced, by result")
                .tags("crm", crm, "model", model, "result", result.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Timer duration(String crm, String model, String mode) {
        return Timer.builder("etlify.sync.duration").description("Duration of an inline sync or of a batch")
                .tags("crm", crm, "model", model, "mode", mode).register(registry);
    }
}
