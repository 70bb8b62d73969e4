package io.quarkiverse.etlify.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * (g) A user's single sync while a batch sync's backlog is queued, both through the durable queue of the
 * {@code lanes} CRM, limited like (a) against a sandbox with the same limit: the batch alone, then the batch
 * while {@code bench.lanes.rate} commits per second each sync one other user, then the batch alone again
 * (the machine's drift in view). Users 1 to {@code records} are stale; the singles update the users after them.
 */
@ApplicationScoped
class LaneScenario {

    private static final String CRM = "lanes";

    @Inject
    Etlify etlify;

    @Inject
    BenchData data;

    private final int records = Integer.getInteger("bench.lanes.records", 20_000);
    private final int rate = Integer.getInteger("bench.lanes.rate", 50);
    private final int maxSingles = Integer.getInteger("bench.lanes.max-singles", 5_000);
    private final Duration period = Duration.parse("PT" + System.getProperty("bench.rate-limit.period", "10s").toUpperCase());

    /** Users the scenario needs: the batch's, then the singles'. */
    int users() {
        return records + maxSingles;
    }

    void run() {
        Figures.print("g.records", records);
        double alone = batch("g.alone_before", false);
        double loaded = batch("g.loaded", true);
        double aloneAfter = batch("g.alone_after", false);
        double aloneMean = (alone + aloneAfter) / 2;
        Figures.print("g.batch_alone_seconds", aloneMean);
        Figures.print("g.batch_loaded_seconds", loaded);
        Figures.print("g.batch_ratio_loaded_to_alone", loaded / aloneMean);
    }

    /** One async batch sync of the stale users, with or without singles meanwhile; returns its completion time. */
    private double batch(String key, boolean withSingles) {
        HubSpotSandbox sandbox = BenchmarkMain.lanes;
        data.markSynced(CRM);
        data.markStale(CRM, records);
        // the limiter's window of the previous run is over: every run starts with the same burst
        LockSupport.parkNanos(period.plusSeconds(1).toNanos());
        sandbox.reset();
        long start = System.nanoTime();
        long enqueued = etlify.batchSync(BatchSync.options().crm(CRM).models(BenchUser.class)).total();
        Instant[] committed = new Instant[maxSingles];
        int singles = 0;
        long interval = 1_000_000_000L / rate;
        long singlesStart = System.nanoTime();
        long nextCheck = 0;
        boolean done = false;
        while (!done) {
            if (withSingles && singles < maxSingles) {
                LockSupport.parkNanos(singlesStart + singles * interval - System.nanoTime());
                long id = records + singles + 1;
                int version = singles;
                QuarkusTransaction.requiringNew().run(() -> {
                    BenchUser user = BenchUser.findById(id);
                    user.lastName = "Single " + version;
                    etlify.crm(CRM).sync(user);
                });
                committed[singles++] = Instant.now();
            } else {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            if (System.nanoTime() >= nextCheck) {
                done = pendingBatchRequests() == 0;
                nextCheck = System.nanoTime() + Duration.ofMillis(100).toNanos();
            }
        }
        double seconds = Figures.seconds(start);
        Figures.print(key + ".enqueued", enqueued);
        Figures.print(key + ".seconds", seconds);
        if (withSingles) {
            Figures.print(key + ".singles", singles);
            Figures.print(key + ".singles_per_second", singles / Figures.seconds(singlesStart));
            latencies(sandbox, committed, singles, key + ".singles");
        }
        Figures.print(key + ".contacts_in_crm", sandbox.count("contacts"));
        Figures.print(key + ".requests", sandbox.totalRequests());
        Figures.print(key + ".responses_429", sandbox.count429());
        Figures.print(key + ".contract_violations", BenchmarkApp.contractViolations(sandbox));
        return seconds;
    }

    /** Commit-to-CRM latency of the singles, as (f) measures it, once each reached the sandbox (60 s at most). */
    private void latencies(HubSpotSandbox sandbox, Instant[] committed, int singles, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pendingRequests() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        Map<String, Instant> received = BenchmarkApp.firstReceived(sandbox.requests());
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < singles; i++) {
            Instant at = received.get("user" + (records + i + 1) + "@bench.example");
            if (at != null) {
                latencies.add(Math.max(0, Duration.between(committed[i], at).toNanos() / 1e6));
            }
        }
        latencies.sort(Double::compare);
        Figures.print(key + ".delivered", latencies.size());
        Figures.print(key + ".latency_p50_ms", BenchmarkApp.percentile(latencies, 0.50));
        Figures.print(key + ".latency_p99_ms", BenchmarkApp.percentile(latencies, 0.99));
        Figures.print(key + ".latency_max_ms", BenchmarkApp.percentile(latencies, 1.0));
    }

    private long pendingBatchRequests() {
        return data.count("SELECT COUNT(*) FROM crm_synchronisations WHERE crm_name = '" + CRM + "'"
                + " AND sync_requested_at IS NOT NULL AND resource_number <= " + records);
    }

    private long pendingRequests() {
        return data.count("SELECT COUNT(*) FROM crm_synchronisations WHERE crm_name = '" + CRM + "'"
                + " AND sync_requested_at IS NOT NULL");
    }
}
