package org.acme.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;

// tag::dispatcher[]
@ApplicationScoped
public class JobQueueDispatcher implements SyncDispatcher {

    @Override
    public void dispatch(SyncRequest request) {
        // called in the caller's transaction when there is one: the job is rolled back with it
        QuarkusTransaction.joiningExisting().run(() -> {
            SyncJob job = new SyncJob();
            job.crmName = request.crmName();
            job.entityType = request.entityType().getName();
            job.entityId = (Long) request.entityId();
            job.persist();
        });
    }
}
// end::dispatcher[]
