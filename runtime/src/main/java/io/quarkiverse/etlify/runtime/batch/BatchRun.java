package io.quarkiverse.etlify.runtime.batch;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.state.BatchRunStore;
import io.quarkiverse.etlify.runtime.sync.BatchOutcome;

/** The live counts of one batch run, updated by the pages it syncs or queues. */
final class BatchRun {

    final String id;
    final long startedNanos = System.nanoTime();
    private final boolean inline;
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong paged = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong synced = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    volatile ScheduledFuture<?> ticker;

    BatchRun(String id, boolean inline) {
        this.id = id;
        this.inline = inline;
    }

    boolean isInline() {
        return inline;
    }

    /** Stale records counted before paging, so that the time left can be estimated. */
    void expect(long records) {
        expected.addAndGet(records);
    }

    /** A page of stale ids was read. */
    void found(int records) {
        paged.addAndGet(records);
    }

    /** An async page was queued: for an async run, queued is what "processed" means. */
    void queued(int records) {
        processed.addAndGet(records);
    }

    /** An inline page was synced. */
    void synced(BatchOutcome outcome) {
        long[] byResult = new long[SyncResult.values().length];
        outcome.results().values().forEach(result -> byResult[result.ordinal()]++);
        synced.addAndGet(byResult[SyncResult.SYNCED.ordinal()]);
        notModified.addAndGet(byResult[SyncResult.NOT_MODIFIED.ordinal()]);
        skipped.addAndGet(byResult[SyncResult.SKIPPED.ordinal()] + byResult[SyncResult.BUFFERED.ordinal()]
                + byResult[SyncResult.DISABLED.ordinal()]);
        failed.addAndGet(byResult[SyncResult.ERROR.ordinal()]);
        deferred.addAndGet(outcome.deferred().size() + byResult[SyncResult.DEFERRED.ordinal()]);
        processed.addAndGet(outcome.results().size() + outcome.deferred().size());
    }

    BatchRunStore.Counts counts() {
        return new BatchRunStore.Counts(Math.max(expected.get(), paged.get()), processed.get(), synced.get(),
                notModified.get(), skipped.get(), failed.get(), deferred.get());
    }
}
