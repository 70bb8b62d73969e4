package io.quarkiverse.etlify.runtime.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.state.BatchRunStore;
import io.quarkiverse.etlify.runtime.state.Holders;

/**
 * Records batch runs in {@code etlify_batch_runs} and, every {@code batch-sync.progress-interval}, logs each running
 * one's progress (processed / found, rate, time left) and stores it, which moves its heartbeat; the log line and
 * {@code GET /q/etlify/runs/{id}} show the same figures. A run that cannot store its progress goes on: the
 * figures are for watching, not for the sync.
 */
@ApplicationScoped
class BatchProgress {

    private static final Logger LOG = Logger.getLogger(BatchProgress.class);

    @Inject
    BatchRunStore store;

    @Inject
    EtlifyRuntimeConfig config;

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "etlify-batch-progress");
        thread.setDaemon(true);
        return thread;
    });

    BatchRun begin(String id, String trigger, BatchSync options) {
        BatchRun run = new BatchRun(id, options.isInline());
        store.start(id, trigger, options.crms().isEmpty() ? null : String.join(",", options.crms()),
                options.models().isEmpty() ? null
                        : options.models().stream().map(Class::getSimpleName).collect(Collectors.joining(",")),
                options.isInline(), options.isForce(), Holders.INSTANCE, config.batchSync().runRetention());
        long interval = config.batchSync().progressInterval().toMillis();
        run.ticker = ticks.scheduleAtFixedRate(() -> tick(run), interval, interval, TimeUnit.MILLISECONDS);
        return run;
    }

    void finish(BatchRun run, String error) {
        run.ticker.cancel(false);
        BatchRunStore.Counts counts = run.counts();
        double seconds = elapsedSeconds(run);
        LOG.infof("Batch run %s %s in %s: %d found, %d %s, %d synced, %d not modified, %d skipped, %d failed,"
                + " %d deferred (%.1f/s)%s", run.id, error == null ? "finished" : "ended", duration(seconds),
                counts.found(), counts.processed(), run.isInline() ? "processed" : "queued", counts.synced(),
                counts.notModified(), counts.skipped(), counts.failed(), counts.deferred(),
                rate(counts.processed(), seconds), error == null ? "" : ": " + error);
        try {
            store.progress(run.id, counts, true, error);
        } catch (RuntimeException e) {
            LOG.warnf("Batch run %s: could not store its end: %s", run.id, e.getMessage());
        }
    }

    private void tick(BatchRun run) {
        try {
            BatchRunStore.Counts counts = run.counts();
            double seconds = elapsedSeconds(run);
            double rate = rate(counts.processed(), seconds);
            long left = Math.max(0, counts.found() - counts.processed());
            LOG.infof("Batch run %s: %d / %d %s (%.1f/s), about %s left", run.id, counts.processed(), counts.found(),
                    run.isInline() ? "processed" : "queued", rate, rate > 0 ? duration(left / rate) : "an unknown time");
            store.progress(run.id, counts, false, null);
        } catch (RuntimeException e) {
            LOG.warnf("Batch run %s: could not store its progress: %s", run.id, e.getMessage());
        }
    }

    private static double elapsedSeconds(BatchRun run) {
        return (System.nanoTime() - run.startedNanos) / 1e9;
    }

    static double rate(long processed, double seconds) {
        return seconds <= 0 ? 0 : processed / seconds;
    }

    static String duration(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : d.toMinutes() > 0 ? String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart())
                        : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    @PreDestroy
    void stop() {
        ticks.shutdownNow();
    }
}
