package io.quarkiverse.etlify.runtime.queue;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The built-in dispatcher: records the request on the record's sync row in the caller's transaction
 * (rolled back with it; repeated requests collapse into one row), where the workers of any instance
 * find it. This instance's workers are woken once the transaction commits.
 */
@ApplicationScoped
public class DurableQueueDispatcher implements SyncDispatcher {

    @Inject
    SyncStateStore store;

    @Inject
    QueueSignal signal;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public void dispatch(SyncRequest request) {
        SyncKey key = new SyncKey(request.crmName(), request.resourceType(), request.resourceId());
        if (QuarkusTransaction.getStatus() == Status.STATUS_NO_TRANSACTION) {
            QuarkusTransaction.requiringNew().run(() -> store.requestSync(List.of(key)));
            signal.wake(request.crmName());
            return;
        }
        store.requestSync(List.of(key));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.wake(request.crmName());
                }
            }
        });
    }
}
