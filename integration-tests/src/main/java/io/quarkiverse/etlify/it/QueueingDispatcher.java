package io.quarkiverse.etlify.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;

/** A user dispatcher (the gem's job_class): keeps requests for the application's own queue. */
@ApplicationScoped
public class QueueingDispatcher implements SyncDispatcher {

    private final List<SyncRequest> queue = new CopyOnWriteArrayList<>();

    @Override
    public void dispatch(SyncRequest request) {
        queue.add(request);
    }

    public List<SyncRequest> queue() {
        return queue;
    }
}
