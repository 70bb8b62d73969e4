package io.quarkiverse.etlify.runtime.batch;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled batch sync ({@code quarkus.etlify.batch-sync.cron}): queues the stale records of every
 * enabled CRM. {@code concurrentExecution = SKIP} only covers this JVM; the runner's lease per CRM
 * covers every instance (the gem's BatchSyncJob lock), so a CRM another instance is syncing is left to it.
 */
@ApplicationScoped
class BatchSyncScheduler {

    private static final Logger LOG = Logger.getLogger(BatchSyncScheduler.class);

    @Inject
    BatchSyncRunner runner;

    @Scheduled(identity = "etlify-batch-sync", cron = "${quarkus.etlify.batch-sync.cron:off}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        BatchSyncStats stats = runner.run(BatchSync.options().async(), UUID.randomUUID().toString(), "scheduled");
        LOG.infof("Scheduled batch sync queued %d stale record(s) %s%s", stats.total(), stats.perModel(),
                stats.alreadyRunning().isEmpty() ? "" : "; already running elsewhere: " + stats.alreadyRunning());
    }
}
