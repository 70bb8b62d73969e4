package io.quarkiverse.etlify.sync;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The built-in dispatcher: runs requested syncs on a small background pool once the caller's
 * transaction has committed (right away when there is none); nothing runs if it rolls back, and
 * repeated requests for one record in one transaction collapse into one.
 */
@ApplicationScoped
public class AfterCommitDispatcher implements SyncDispatcher {

    private static final Logger LOG = Logger.getLogger(AfterCommitDispatcher.class);
    private static final String PENDING = AfterCommitDispatcher.class.getName() + ".pending";

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "etlify-sync");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Etlify etlify;

    @Override
    public void dispatch(SyncRequest request) {
        if (!QuarkusTransaction.isActive()) {
            submit(request);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<SyncRequest> pending = (Set<SyncRequest>) transactions.getResource(PENDING);
        if (pending == null) {
            Set<SyncRequest> requests = new LinkedHashSet<>();
            transactions.putResource(PENDING, requests);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        requests.forEach(AfterCommitDispatcher.this::submit);
                    }
                }
            });
            pending = requests;
        }
        pending.add(request);
    }

    private void submit(SyncRequest request) {
        executor.execute(() -> {
            try {
                etlify.crm(request.crmName()).syncNow(request.entityType(), request.entityId());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Sync of %s %s with CRM %s failed", request.resourceType(), request.resourceId(),
                        request.crmName());
            }
        });
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
