package org.acme.jobs;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.Etlify;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

// tag::worker[]
@ApplicationScoped
public class SyncJobWorker {

    @Inject
    Etlify etlify;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void performJobs() throws ClassNotFoundException {
        List<SyncJob> jobs = QuarkusTransaction.requiringNew()
                .call(() -> SyncJob.<SyncJob> findAll().page(0, 100).list());
        for (SyncJob job : jobs) {
            Class<?> type = Thread.currentThread().getContextClassLoader().loadClass(job.entityType);
            // outside any transaction: syncNow calls the CRM, and a record the CRM cannot take now
            // (DEFERRED) is retried by Etlify's own queue
            etlify.crm(job.crmName).syncNow(type, job.entityId);
            QuarkusTransaction.requiringNew().run(() -> SyncJob.deleteById(job.id));
        }
    }
}
// end::worker[]
