package io.quarkiverse.etlify.runtime.batch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkiverse.etlify.runtime.crm.DaemonThreads;

/**
 * Runs the work of an inline batch sync's pages on up to {@code concurrency} threads, blocking the
 * caller while that many pages are in flight, so memory stays bounded. The first failure stops
 * further pages and is thrown to the caller.
 */
final class PagesInFlight implements AutoCloseable {

    private final int concurrency;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    PagesInFlight(int concurrency) {
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency);
        this.threads = concurrency == 1 ? null : DaemonThreads.fixedPool(concurrency, "etlify-batch-sync");
    }

    /** Runs a page's work, on this thread when the concurrency is 1. */
    void submit(Runnable page) {
        if (threads == null) {
            page.run();
            return;
        }
        acquire(1);
        throwIfFailed();
        threads.execute(() -> {
            try {
                page.run();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits for every page submitted; throws the first failure. */
    void await() {
        acquire(concurrency);
        slots.release(concurrency);
        throwIfFailed();
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdown();
        }
    }

    private void acquire(int permits) {
        try {
            slots.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while batch-syncing", e);
        }
    }

    private void throwIfFailed() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
