package io.quarkiverse.etlify.runtime.queue;

import static io.quarkiverse.etlify.runtime.config.ConfigChecks.positive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.crm.DaemonThreads;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.queue.SyncRequestStore.Settlement;
import io.quarkiverse.etlify.runtime.state.Holders;
import io.quarkiverse.etlify.runtime.sync.BatchDeleter;
import io.quarkiverse.etlify.runtime.sync.BatchDeleter.Deletes;
import io.quarkiverse.etlify.runtime.sync.BatchOutcome;
import io.quarkiverse.etlify.runtime.sync.BatchSynchronizer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The durable queue's workers: per enabled CRM, {@code queue.concurrency} threads claim due requests
 * in batches, sync them through the {@link BatchSynchronizer} (grouped by mapping; the CRM deletes that
 * {@code onDelete = DELETE} queued through the {@link BatchDeleter}) and complete them;
 * failing records are retried with exponential back-off until they reach {@code max-sync-errors};
 * records the CRM could not take are retried, uncounted, once it said it would take requests again.
 * A crashed worker's claims become claimable again when their lease expires.
 */
@ApplicationScoped
public class QueueWorkers {

    private static final Logger LOG = Logger.getLogger(QueueWorkers.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @Inject
    EtlifyRuntimeConfig config;

    @Inject
    CrmRegistry crms;

    @Inject
    MappingRegistry mappings;

    @Inject
    SyncRequestStore requests;

    @Inject
    BatchSynchronizer synchronizer;

    @Inject
    QueueSignal signal;

    @Inject
    BatchDeleter deleter;

    private final List<ExecutorService> pools = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        running = true;
        for (String name : crms.names()) {
            CrmRuntime crm = crms.find(name).orElseThrow();
            EtlifyRuntimeConfig.Queue queue = config.crm().get(name).queue();
            if (!queue.workersEnabled() || mappings.mappingsOf(name).isEmpty()) {
                continue;
            }
            ExecutorService pool = DaemonThreads.fixedPool(queue.concurrency(), "etlify-queue-" + name);
            for (int i = 0; i < queue.concurrency(); i++) {
                String worker = Holders.INSTANCE + "/" + name + "/" + i;
                pool.execute(() -> loop(crm, queue, worker));
            }
            pools.add(pool);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (ExecutorService pool : pools) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void loop(CrmRuntime crm, EtlifyRuntimeConfig.Queue queue, String worker) {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (runOnce(crm, queue, worker) == 0) {
                    signal.await(crm.name(), queue.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (running) {
                    LOG.errorf(e, "Etlify queue worker %s failed; retrying after %s", worker, queue.pollInterval());
                    sleep(queue.pollInterval());
                }
            }
        }
    }

    /**
     * Claims and performs one batch of a CRM's due requests as {@code worker}, exactly as a worker of another instance
     * of the application would (claims and leases are the database's). Meant for tools and tests.
     *
     * @return how many requests were claimed
     */
    public int performDue(String crmName, String worker) {
        CrmRuntime crm = crms.find(crmName).orElseThrow(() -> new IllegalArgumentException("No enabled CRM " + crmName));
        return runOnce(crm, config.crm().get(crmName).queue(), worker);
    }

    /**
     * Claims and performs one batch of requests, then settles them all in one statement (done, or due again later);
     * returns how many were claimed.
     */
    int runOnce(CrmRuntime crm, EtlifyRuntimeConfig.Queue queue, String worker) {
        requests.fold(crm.name());
        List<ClaimedRequest> claimed = requests.claim(crm.name(), worker, queue.batchSize(), queue.lease());
        Map<String, List<ClaimedRequest>> byType = new LinkedHashMap<>();
        claimed.forEach(request -> byType.computeIfAbsent(request.resourceType(), t -> new ArrayList<>()).add(request));
        List<Settlement> settlements = new ArrayList<>(claimed.size());
        try {
            byType.forEach((resourceType, batch) -> perform(crm, queue, resourceType, batch, worker, settlements));
        } finally {
            // what was performed is settled even when a later type failed; the others wait for their lease to expire
            requests.settle(settlements, worker);
        }
        return claimed.size();
    }

    private void perform(CrmRuntime crm, EtlifyRuntimeConfig.Queue queue, String resourceType,
            List<ClaimedRequest> batch, String worker, List<Settlement> settlements) {
        Mapping mapping = mappings.mappingFor(crm.name(), resourceType).orElse(null);
        if (mapping == null) {
            LOG.warnf("Dropping %d sync request(s) of %s for CRM %s: no such mapping any more", batch.size(),
                    resourceType, crm.name());
            batch.forEach(request -> settlements.add(Settlement.done(crm.name(), request)));
            return;
        }
        List<ClaimedRequest> deletes = batch.stream().filter(ClaimedRequest::delete).toList();
        if (!deletes.isEmpty()) {
            Deletes deleted = deleter.delete(crm, mapping, deletes.stream().map(ClaimedRequest::resourceId).toList(),
                    worker);
            settle(crm, queue, deletes.stream().filter(request -> !deleted.revived().contains(request.resourceId()))
                    .toList(), deleted.outcome(), settlements);
            // records that exist again: their request is a sync now
            batch = batch.stream().filter(request -> !request.delete() || deleted.revived().contains(request.resourceId()))
                    .toList();
        }
        if (batch.isEmpty()) {
            return;
        }
        BatchOutcome outcome = synchronizer.sync(crm, mapping,
                batch.stream().map(request -> mapping.parseId(request.resourceId())).toList(), false, worker);
        settle(crm, queue, batch, outcome, settlements);
    }

    /** Done, or due again later: after a back-off, or once the CRM takes requests. */
    private static void settle(CrmRuntime crm, EtlifyRuntimeConfig.Queue queue, List<ClaimedRequest> batch,
            BatchOutcome outcome, List<Settlement> settlements) {
        // not counted: due again once the CRM said it would take requests, and no sooner than the back-off
        Duration deferredWait = outcome.retryAfter().filter(asked -> asked.compareTo(queue.retryBackoff()) > 0)
                .orElse(queue.retryBackoff());
        for (ClaimedRequest request : batch) {
            Duration wait = null;
            if (outcome.deferred().contains(request.resourceId())) {
                wait = deferredWait;
            } else if (outcome.results().get(request.resourceId()) == SyncResult.ERROR
                    && request.errorCount() + 1 < crm.maxSyncErrors()) {
                wait = backoff(queue, request.errorCount());
            }
            // otherwise done: synced, unchanged, skipped, buffered (released later by its dependency) or out of retries
            settlements.add(new Settlement(crm.name(), request, wait));
        }
    }

    private static Duration backoff(EtlifyRuntimeConfig.Queue queue, int previousErrors) {
        Duration delay = queue.retryBackoff().multipliedBy(1L << Math.min(previousErrors, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /** Adds a line per invalid queue setting of a CRM, naming the property. */
    public static void check(String crmName, EtlifyRuntimeConfig.Queue queue, List<String> problems) {
        String prefix = "quarkus.etlify.crm." + crmName + ".queue.";
        positive(prefix + "concurrency", queue.concurrency(), problems);
        positive(prefix + "batch-size", queue.batchSize(), problems);
        positive(prefix + "poll-interval", queue.pollInterval(), problems);
        positive(prefix + "lease", queue.lease(), problems);
        positive(prefix + "retry-backoff", queue.retryBackoff(), problems);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
