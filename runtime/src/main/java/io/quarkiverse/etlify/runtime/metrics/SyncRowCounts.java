package io.quarkiverse.etlify.runtime.metrics;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.runtime.state.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Per CRM, the records waiting in the durable queue and those whose last sync failed, read from the
 * sync rows at most once per {@link #REFRESH}: gauges read the last counts, and a read finding them
 * older starts one refresh in the background (scrapes run on threads that must not wait for SQL).
 */
final class SyncRowCounts {

    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SyncRowCounts.class);
    private static final String SQL = "SELECT crm_name,"
            + " SUM(CASE WHEN sync_requested_at IS NOT NULL THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN error_count > 0 THEN 1 ELSE 0 END)"
            + " FROM crm_synchronisations WHERE sync_requested_at IS NOT NULL OR error_count > 0 GROUP BY crm_name";

    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "etlify-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Map<String, long[]> counts = Map.of();
    private volatile long refreshedAt = System.nanoTime() - REFRESH.toNanos() - 1;

    /** Requests waiting in the CRM's durable queue. */
    double queueDepth(String crm) {
        refreshIfOld();
        long[] count = counts.get(crm);
        return count == null ? 0 : count[0];
    }

    /** Records whose last sync with the CRM failed. */
    double failing(String crm) {
        refreshIfOld();
        long[] count = counts.get(crm);
        return count == null ? 0 : count[1];
    }

    void close() {
        refresher.shutdownNow();
    }

    private void refreshIfOld() {
        if (System.nanoTime() - refreshedAt > REFRESH.toNanos() && refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refresh);
            } catch (RuntimeException e) {
                // closed at shutdown
                refreshing.set(false);
            }
        }
    }

    private void refresh() {
        try {
            counts = QuarkusTransaction.requiringNew().call(() -> Jdbc.work(connection -> {
                Map<String, long[]> read = new HashMap<>();
                try (PreparedStatement select = connection.prepareStatement(SQL); ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        read.put(rows.getString(1), new long[] { rows.getLong(2), rows.getLong(3) });
                    }
                }
                return Map.copyOf(read);
            }));
        } catch (RuntimeException e) {
            // the gauges keep the last counts; the health check reports unreachable tables
            LOG.debugf(e, "Could not count Etlify's queued and failing records");
        } finally {
            refreshedAt = System.nanoTime();
            refreshing.set(false);
        }
    }
}
