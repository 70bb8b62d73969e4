package io.quarkiverse.etlify.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;

/**
 * (j) The same batch sync of {@code bench.contacts} stale users through the {@code queue} CRM (an unthrottled
 * sandbox), inline and async (queued, then performed by the durable queue's workers; timed until none of the CRM's
 * requests is pending), alternated: after one unmeasured run of each, {@code bench.queue.runs} pairs, the order
 * swapped at each pair (inline, async, async, inline, ...) so that the machine's drift weighs on both. Medians, their
 * ratio, and the SQL statements per record each sent (all of the database's statements meanwhile, from
 * {@code pg_stat_statements}, except this scenario's polling of the queue), where the queue's should be a fixed number
 * per claimed batch of {@code bench.queue.batch-size}; the application's CPU time and the database's execution time
 * of each, which the machine's load affects less than elapsed time.
 */
@ApplicationScoped
class QueueScenario {

    private static final String CRM = "queue";
    // marks the polling statement, which the statement counts leave out
    private static final String POLL_MARK = "j_drain_poll";

    @Inject
    Etlify etlify;

    @Inject
    BenchData data;

    @Inject
    DataSource dataSource;

    private final int contacts = Integer.getInteger("bench.contacts", 10_000);
    private final int runs = Math.max(1, Integer.getInteger("bench.queue.runs", 3));
    private final int claimSize = Integer.getInteger("bench.queue.batch-size", 100);

    void run() {
        Statements statements = new Statements(dataSource);
        once(false, statements);
        once(true, statements);
        List<Double> inlineSeconds = new ArrayList<>();
        List<Double> asyncSeconds = new ArrayList<>();
        List<Double> inlineStatements = new ArrayList<>();
        List<Double> asyncStatements = new ArrayList<>();
        List<Double> inlineCpu = new ArrayList<>();
        List<Double> asyncCpu = new ArrayList<>();
        List<Double> inlineDb = new ArrayList<>();
        List<Double> asyncDb = new ArrayList<>();
        for (int pair = 0; pair < runs; pair++) {
            boolean asyncFirst = pair % 2 == 1;
            for (boolean async : asyncFirst ? new boolean[] { true, false } : new boolean[] { false, true }) {
                Run run = once(async, statements);
                (async ? asyncSeconds : inlineSeconds).add(run.seconds);
                (async ? asyncStatements : inlineStatements).add(run.statementsPerRecord);
                (async ? asyncCpu : inlineCpu).add(run.appCpuSeconds);
                (async ? asyncDb : inlineDb).add(run.dbSeconds);
            }
        }
        double inline = median(inlineSeconds);
        double async = median(asyncSeconds);
        Figures.print("j.records", contacts);
        Figures.print("j.inline_runs", format(inlineSeconds, "%.2f"));
        Figures.print("j.async_runs", format(asyncSeconds, "%.2f"));
        Figures.print("j.inline_seconds", inline);
        Figures.print("j.async_seconds", async);
        Figures.print("j.async_to_inline", async / inline);
        Figures.print("j.async_to_inline.target", 1.2);
        List<Double> pairRatios = new ArrayList<>();
        for (int pair = 0; pair < runs; pair++) {
            pairRatios.add(asyncSeconds.get(pair) / inlineSeconds.get(pair));
        }
        Figures.print("j.pair_ratios", format(pairRatios, "%.2f"));
        Figures.print("j.inline_app_cpu_seconds", median(inlineCpu));
        Figures.print("j.async_app_cpu_seconds", median(asyncCpu));
        if (statements.available()) {
            Figures.print("j.inline_statements_per_record", String.format(Locale.ROOT, "%.3f", median(inlineStatements)));
            Figures.print("j.async_statements_per_record", String.format(Locale.ROOT, "%.3f", median(asyncStatements)));
            // no statement per record: a fixed number per claimed batch, at most 20 for a claim of 100
            Figures.print("j.async_statements_per_record.target", 0.2);
            Figures.print("j.async_statements_per_claimed_batch", median(asyncStatements) * claimSize);
            Figures.print("j.inline_db_seconds", median(inlineDb));
            Figures.print("j.async_db_seconds", median(asyncDb));
        }
        Figures.print("j.contract_violations", BenchmarkApp.contractViolations(BenchmarkMain.queue));
    }

    /** One batch sync of every user, made stale first; async: until the queue holds none of the CRM's requests. */
    private Run once(boolean async, Statements statements) {
        HubSpotSandbox sandbox = BenchmarkMain.queue;
        data.markSynced(CRM);
        data.markStale(CRM, contacts);
        sandbox.reset();
        statements.reset();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        BatchSync options = BatchSync.options().crm(CRM).models(BenchUser.class);
        BatchSyncStats stats = etlify.batchSync(async ? options : options.inline());
        while (async && pending() > 0) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        double seconds = Figures.seconds(start);
        double appCpu = (processCpuNanos() - cpu) / 1e9;
        long sent = statements.countAllBut(POLL_MARK);
        if (sandbox.count("contacts") != contacts || stats.total() != contacts) {
            Figures.print("j.incomplete_run", (async ? "async" : "inline") + ": " + stats.total() + " found, "
                    + sandbox.count("contacts") + " in the CRM");
        }
        return new Run(seconds, (double) sent / contacts, appCpu, statements.executionMillisAllBut(POLL_MARK) / 1000);
    }

    private long pending() {
        return data.count("SELECT /* " + POLL_MARK + " */ COUNT(*) FROM crm_synchronisations WHERE crm_name = '" + CRM
                + "' AND sync_requested_at IS NOT NULL");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<String> format(List<Double> values, String pattern) {
        return values.stream().map(value -> String.format(Locale.ROOT, pattern, value)).toList();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private record Run(double seconds, double statementsPerRecord, double appCpuSeconds, double dbSeconds) {
    }
}
