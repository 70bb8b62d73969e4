package io.quarkiverse.etlify.benchmark;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkiverse.etlify.hubspot.sandbox.RecordedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sync on change: (h) the change-to-CRM latency of dependency changes committed at a fixed rate, with no call to
 * Etlify; (i) the application's write throughput of a three-entity transaction on accounts mapped with
 * {@code syncOnChange} against the same transaction on accounts mapped without it, in alternated rounds of one run.
 */
@ApplicationScoped
class ChangeScenarios {

    private static final Pattern LIVE_EMAIL = Pattern.compile("\"(account\\d+@live\\.bench\\.example)\"");

    @Inject
    BenchData data;

    private final int accounts = Integer.getInteger("bench.onchange.accounts", 2_000);
    private final int rate = Integer.getInteger("bench.onchange.rate", 50);
    private final int seconds = Integer.getInteger("bench.onchange.seconds", 20);
    private final int writeAccounts = Integer.getInteger("bench.writes.accounts", 1_000);
    private final int writeThreads = Integer.getInteger("bench.writes.threads", 4);
    private final int writeCommits = Integer.getInteger("bench.writes.commits", 2_000);
    private final int writeRounds = Integer.getInteger("bench.writes.rounds", 6);

    /**
     * (h) {@code bench.onchange.rate} commits per second for {@code bench.onchange.seconds}, each changing a dependency
     * of another account — a holding's amount, or a new holding — and nothing else: the listener requests the
     * account's sync, the durable queue's workers send it. Latency as (f): commit returned to the sandbox receiving
     * the first request naming the account.
     */
    void latency() {
        seed("live", accounts);
        HubSpotSandbox sandbox = BenchmarkMain.onchange;
        int commits = Math.min(rate * seconds, accounts - 100);
        // unmeasured: the listener, the look-ups and the queue warmed up on the last 100 accounts
        for (int i = accounts - 100; i < accounts; i++) {
            changeDependency(i + 1, i);
        }
        awaitNoPending("onchange", Duration.ofSeconds(60));
        // the sandbox keeps what the warm-up wrote (reset, it would hand out CRM ids that sync rows hold)
        int from = sandbox.requests().size();
        long requestsBefore = sandbox.totalRequests();
        Instant[] committed = new Instant[commits];
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < commits; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            changeDependency(i + 1, i);
            committed[i] = Instant.now();
        }
        double elapsed = Figures.seconds(start);
        Map<String, Instant> received = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.size() < commits && System.nanoTime() < deadline) {
            List<RecordedRequest> requests = sandbox.requests();
            received = BenchmarkApp.firstReceived(requests.subList(from, requests.size()), LIVE_EMAIL);
            if (received.size() < commits) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
            Instant at = received.get("account" + (i + 1) + "@live.bench.example");
            if (at != null) {
                latencies.add(Math.max(0, Duration.between(committed[i], at).toNanos() / 1e6));
            }
        }
        latencies.sort(Double::compare);
        Figures.print("h.commits", commits);
        Figures.print("h.commits_per_second", commits / elapsed);
        Figures.print("h.delivered", latencies.size());
        Figures.print("h.requests", sandbox.totalRequests() - requestsBefore);
        Figures.print("h.latency_p50_ms", BenchmarkApp.percentile(latencies, 0.50));
        Figures.print("h.latency_p99_ms", BenchmarkApp.percentile(latencies, 0.99));
        Figures.print("h.latency_max_ms", BenchmarkApp.percentile(latencies, 1.0));
        Figures.print("h.contract_violations", BenchmarkApp.contractViolations(sandbox));
    }

    /** Changes one dependency of a live account: its first holding's amount (even commits) or a new holding (odd). */
    private void changeDependency(long account, int commit) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (commit % 2 == 0) {
                LiveHolding.<LiveHolding> findById(2 * account - 1).amount = BigDecimal.valueOf(1_000 + commit);
            } else {
                LiveHolding holding = new LiveHolding();
                holding.account = LiveAccount.getEntityManager().getReference(LiveAccount.class, account);
                holding.amount = BigDecimal.valueOf(commit);
                holding.persist();
            }
        });
    }

    /**
     * (i) Commits of one transaction writing three entities — the account's name, one of its holdings' amount, a new
     * holding — by {@code bench.writes.threads} threads, on accounts mapped with {@code syncOnChange} (their requests
     * recorded for CRM {@code writes}, whose workers are off: the write path alone) and on the same accounts mapped
     * without it: after one unmeasured round of each, {@code bench.writes.rounds} pairs of rounds of
     * {@code bench.writes.commits} commits, alternated (with, without, without, with, ...) so that the machine's drift
     * weighs on both alike. Each commit with records its request in the queue's inbox; nothing folds it here.
     */
    void writeThroughput() {
        seed("watched", writeAccounts);
        seed("plain", writeAccounts);
        data.sql("DELETE FROM etlify_sync_inbox WHERE crm_name = 'writes'");
        writes(true, writeCommits);
        writes(false, writeCommits);
        double withSeconds = 0;
        double withoutSeconds = 0;
        List<String> rounds = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < writeRounds; round++) {
            boolean withFirst = round % 2 == 0;
            double[] took = new double[2];
            for (boolean with : new boolean[] { withFirst, !withFirst }) {
                double seconds = writes(with, writeCommits);
                took[with ? 0 : 1] = seconds;
                rounds.add((with ? "with " : "without ") + String.format(Locale.ROOT, "%.0f", writeCommits / seconds));
            }
            withSeconds += took[0];
            withoutSeconds += took[1];
            ratios.add(took[1] / took[0]);
        }
        double with = writeRounds * writeCommits / withSeconds;
        double without = writeRounds * writeCommits / withoutSeconds;
        ratios.sort(Double::compare);
        Figures.print("i.threads", writeThreads);
        Figures.print("i.commits_per_round", writeCommits);
        Figures.print("i.rounds", rounds);
        Figures.print("i.with_sync_on_change.commits_per_second", with);
        Figures.print("i.without.commits_per_second", without);
        Figures.print("i.ratio_with_to_without", with / without);
        Figures.print("i.ratio_with_to_without.pairs", ratios.stream()
                .map(ratio -> String.format(Locale.ROOT, "%.2f", ratio)).toList());
        Figures.print("i.ratio_with_to_without.median_pair", ratios.get(ratios.size() / 2));
        Figures.print("i.with_sync_on_change.requests_recorded", data.count("SELECT COUNT(*) FROM etlify_sync_inbox"
                + " WHERE crm_name = 'writes' AND resource_type = 'WatchedAccount'"));
        Figures.print("i.without.requests_recorded", data.count("SELECT COUNT(*) FROM etlify_sync_inbox"
                + " WHERE crm_name = 'writes' AND resource_type = 'PlainAccount'"));
    }

    /** One round: {@code commits} three-entity transactions by the writer threads; returns its seconds. */
    private double writes(boolean withSyncOnChange, int commits) {
        AtomicLong next = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(writeThreads);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < writeThreads; t++) {
                running.add(writers.submit(() -> {
                    for (long n = next.getAndIncrement(); n < commits; n = next.getAndIncrement()) {
                        long account = 1 + n % writeAccounts;
                        long version = n;
                        QuarkusTransaction.requiringNew().run(() -> {
                            if (withSyncOnChange) {
                                write(WatchedAccount.findById(account), WatchedHolding.findById(2 * account - 1),
                                        new WatchedHolding(), version);
                            } else {
                                write(PlainAccount.findById(account), PlainHolding.findById(2 * account - 1),
                                        new PlainHolding(), version);
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("A writer of (i) failed", e);
        } finally {
            writers.shutdownNow();
        }
        return Figures.seconds(start);
    }

    private static void write(AccountBase account, HoldingBase holding, HoldingBase added, long version) {
        account.name = "Account v" + version;
        holding.amount = BigDecimal.valueOf(version);
        if (added instanceof WatchedHolding watched) {
            watched.account = (WatchedAccount) account;
        } else {
            ((PlainHolding) added).account = (PlainAccount) account;
        }
        added.amount = BigDecimal.ONE;
        added.persist();
    }

    /** {@code count} accounts of a kind with two holdings each (account k holds 2k-1 and 2k), no sync row. */
    private void seed(String kind, int count) {
        String accountsTable = "bench_" + kind + "_accounts";
        String holdingsTable = "bench_" + kind + "_holdings";
        data.sql("TRUNCATE " + holdingsTable + ", " + accountsTable + " RESTART IDENTITY");
        data.sql("INSERT INTO " + accountsTable + " (email, name, updated_at) SELECT 'account' || g || '@" + kind
                + ".bench.example', 'Account ' || g, now() FROM generate_series(1, " + count + ") g");
        data.sql("INSERT INTO " + holdingsTable + " (account_id, amount, updated_at) SELECT a.id, 100 + k, now()"
                + " FROM " + accountsTable + " a, generate_series(1, 2) k ORDER BY a.id, k");
        data.sql("VACUUM ANALYZE " + accountsTable);
        data.sql("VACUUM ANALYZE " + holdingsTable);
    }

    private void awaitNoPending(String crm, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && data.count("SELECT COUNT(*) FROM crm_synchronisations WHERE crm_name = '"
                + crm + "' AND sync_requested_at IS NOT NULL") > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
