package io.quarkiverse.etlify.runtime.batch;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.crm.DaemonThreads;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.queue.QueueSignal;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.state.LeaseStore;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncLane;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.runtime.sync.BatchOutcome;
import io.quarkiverse.etlify.runtime.sync.BatchSynchronizer;
import io.quarkiverse.etlify.runtime.sync.SyncRequestRouter;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a batch sync: for each enabled CRM (holding its lease) and mapped model, pages through the stale records' ids and
 * syncs each page with the {@link BatchSynchronizer} (inline, {@code batch-sync.concurrency} pages at
 * once) or hands it to the dispatcher of its records (async: the built-in queue's workers, or the
 * application's own queue). Memory stays flat: a few pages of ids at a time.
 */
@ApplicationScoped
public class BatchSyncRunner {

    private static final Logger LOG = Logger.getLogger(BatchSyncRunner.class);

    @Inject
    CrmRegistry crms;

    @Inject
    MappingRegistry mappings;

    @Inject
    StaleRecordFinder finder;

    @Inject
    BatchSynchronizer synchronizer;

    @Inject
    SyncStateStore store;

    @Inject
    SyncRequestRouter requests;

    @Inject
    QueueSignal signal;

    @Inject
    EtlifyRuntimeConfig config;

    @Inject
    LeaseStore leases;

    @Inject
    BatchProgress progress;

    private final ExecutorService background = DaemonThreads.fixedPool(2, "etlify-batch-run");

    /**
     * Runs a batch sync of each enabled CRM whose lease this run gets: across every instance, one batch
     * sync per CRM at a time, whoever starts it (scheduler, API, admin). A CRM whose batch sync is
     * already running is not waited for: it is reported in {@link BatchSyncStats#alreadyRunning()}.
     */
    public BatchSyncStats run(BatchSync options) {
        return run(options, UUID.randomUUID().toString(), "api");
    }

    /**
     * Runs a batch sync recorded in {@code etlify_batch_runs} under that id, with its progress.
     *
     * @param trigger who started it: {@code api}, {@code scheduled} or {@code admin}
     */
    public BatchSyncStats run(BatchSync options, String runId, String trigger) {
        return finish(progress.begin(runId, trigger, options), options);
    }

    /**
     * Records a batch run and runs it on a background thread of this instance.
     *
     * @return the run's id, which {@code etlify_batch_runs} knows once this returns
     */
    public String runInBackground(BatchSync options, String trigger) {
        BatchRun run = progress.begin(UUID.randomUUID().toString(), trigger, options);
        background.execute(() -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                finish(run, options);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Batch run %s failed", run.id);
            } finally {
                requestContext.terminate();
            }
        });
        return run.id;
    }

    private BatchSyncStats finish(BatchRun run, BatchSync options) {
        BatchSyncStats stats;
        try {
            stats = run(options, run);
        } catch (RuntimeException e) {
            progress.finish(run, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        progress.finish(run, stats.alreadyRunning().isEmpty() ? null
                : "already running elsewhere: " + stats.alreadyRunning());
        return stats;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    private BatchSyncStats run(BatchSync options, BatchRun run) {
        int pageSize = options.batchSize().orElse(config.batchSync().batchSize());
        Map<String, Map<String, BatchSyncStats.Counts>> perCrm = new TreeMap<>();
        Map<String, String> alreadyRunning = new TreeMap<>();
        for (String name : options.crms().isEmpty() ? crms.names() : options.crms()) {
            CrmRuntime crm = crms.find(name).orElse(null);
            if (crm == null) {
                continue; // disabled: nothing to run
            }
            BatchSyncLease lease = new BatchSyncLease(leases, name, config.batchSync().lease());
            if (!lease.acquire()) {
                String holder = lease.holder();
                LOG.infof("Batch sync of CRM %s not started: %s is running one", name, holder);
                alreadyRunning.put(name, holder);
                continue;
            }
            Map<String, BatchSyncStats.Counts> perModel = new TreeMap<>();
            try {
                List<Mapping> selected = mappings.mappingsOf(name).stream().filter(mapping -> options.models().isEmpty()
                        || options.models().stream().anyMatch(m -> m == mapping.entityType())).toList();
                selected.forEach(mapping -> run.expect(finder.count(mapping, crm.maxSyncErrors())));
                for (Mapping mapping : selected) {
                    perModel.put(mapping.resourceType(), syncModel(crm, mapping, options, pageSize, lease, run));
                }
            } finally {
                lease.release();
            }
            perCrm.put(name, Collections.unmodifiableMap(perModel));
        }
        return new BatchSyncStats(Collections.unmodifiableMap(perCrm), Collections.unmodifiableMap(alreadyRunning));
    }

    private BatchSyncStats.Counts syncModel(CrmRuntime crm, Mapping mapping, BatchSync options, int pageSize,
            BatchSyncLease lease, BatchRun run) {
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong deferred = new AtomicLong();
        try (PagesInFlight pages = new PagesInFlight(options.isInline() ? config.batchSync().concurrency() : 1)) {
            finder.forEachPage(mapping, crm.maxSyncErrors(), pageSize, ids -> {
                lease.renewIfDue();
                count.addAndGet(ids.size());
                run.found(ids.size());
                if (options.isInline()) {
                    pages.submit(() -> {
                        BatchOutcome outcome = synchronizer.sync(crm, mapping, ids, options.isForce());
                        errors.addAndGet(outcome.count(SyncResult.ERROR));
                        deferred.addAndGet(outcome.deferred().size());
                        run.synced(outcome);
                    });
                } else {
                    enqueue(crm, mapping, ids, options.isForce());
                    run.queued(ids.size());
                }
            });
            pages.await();
        }
        LOG.debugf("Batch sync of %s for CRM %s: %d stale record(s)", mapping.resourceType(), crm.name(), count.get());
        return new BatchSyncStats.Counts(count.get(), errors.get(), deferred.get());
    }

    private void enqueue(CrmRuntime crm, Mapping mapping, List<Object> ids, boolean force) {
        boolean queued = QuarkusTransaction.requiringNew().call(() -> {
            if (force) {
                store.forgetDigests(ids.stream()
                        .map(id -> new SyncKey(crm.name(), mapping.resourceType(), ResourceIds.render(id))).toList());
            }
            return requests.request(mapping, ids, SyncLane.BATCH);
        });
        if (queued) {
            signal.wake(crm.name());
        }
    }
}
