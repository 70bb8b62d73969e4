package io.quarkiverse.etlify.batch;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.CrmRegistry;
import io.quarkiverse.etlify.state.LeaseStore;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled batch sync ({@code quarkus.etlify.batch-sync.cron}): per enabled CRM, queues its stale
 * records. {@code concurrentExecution = SKIP} only covers this JVM, so each CRM's run also holds a lease
 * in the database: across all instances, one run per CRM at a time (the gem's BatchSyncJob lock).
 */
@ApplicationScoped
public class BatchSyncScheduler {

    private static final Logger LOG = Logger.getLogger(BatchSyncScheduler.class);

    private final String owner = "batch-sync-" + UUID.randomUUID();

    @Inject
    CrmRegistry crms;

    @Inject
    BatchSyncRunner runner;

    @Inject
    LeaseStore leases;

    @Inject
    EtlifyRuntimeConfig config;

    @Scheduled(identity = "etlify-batch-sync", cron = "${quarkus.etlify.batch-sync.cron:off}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runAll();
    }

    /** Runs one batch sync per enabled CRM whose lease this instance gets; returns how many CRMs ran. */
    public int runAll() {
        int ran = 0;
        for (String crm : crms.names()) {
            if (crms.find(crm).map(c -> !c.enabled()).orElse(true)) {
                continue;
            }
            String lease = "batch-sync:" + crm;
            if (!leases.tryAcquire(lease, owner, config.batchSync().lease())) {
                LOG.debugf("Batch sync of CRM %s is running on another instance", crm);
                continue;
            }
            try {
                BatchSyncStats stats = runner.run(BatchSync.options().crm(crm).async());
                LOG.infof("Batch sync of CRM %s queued %d stale record(s) %s", crm, stats.total(), stats.perModel());
                ran++;
            } finally {
                leases.release(lease, owner);
            }
        }
        return ran;
    }
}
