package io.quarkiverse.etlify.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkiverse.etlify.hubspot.sandbox.RecordedRequest;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Runs the scenarios chosen by {@code bench.scenarios} (default {@code a,b,c,f,j,k,g,h,i,d,e}) and prints one figure
 * per line. a, b, c, f, j and k share a data set of {@code bench.contacts} users; g has its own ({@link LaneScenario#users()});
 * h and i their own accounts ({@link ChangeScenarios}); d and e share one of {@code bench.users} users.
 */
public class BenchmarkApp implements QuarkusApplication {

    private static final Pattern EMAIL = Pattern.compile("\"(user\\d+@bench\\.example)\"");

    @Inject
    Etlify etlify;

    @Inject
    BenchData data;

    @Inject
    StaleRecordFinder finder;

    @Inject
    MappingRegistry registry;

    @Inject
    LaneScenario lanes;

    @Inject
    DataSource dataSource;

    @Inject
    ChangeScenarios changes;

    @Inject
    SyncNowScenario syncNow;

    @Inject
    QueueScenario queue;

    private final Set<String> scenarios = new LinkedHashSet<>(
            Arrays.asList(System.getProperty("bench.scenarios", "a,b,c,f,j,k,g,h,i,d,e").toLowerCase().split("\\s*,\\s*")));
    private final int contacts = Integer.getInteger("bench.contacts", 10_000);
    private final int users = Integer.getInteger("bench.users", 1_000_000);
    private Statements statements;

    @Override
    public int run(String... args) {
        Figures.print("machine.cores", Runtime.getRuntime().availableProcessors());
        Figures.print("machine.max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Figures.print("sandbox.contracts_checked", BenchmarkMain.contractsInline ? "inline" : "after");
        if (scenarios.contains("a") || scenarios.contains("b") || scenarios.contains("c") || scenarios.contains("f")
                || scenarios.contains("j") || scenarios.contains("k")) {
            data.seed(Math.max(contacts, syncNow.users()), 1, 100);
            warmUp();
            if (scenarios.contains("a")) {
                throttledInitialSync();
            }
            if (scenarios.contains("b")) {
                unthrottledInitialSync();
            }
            if (scenarios.contains("c")) {
                unchangedResync();
            }
            if (scenarios.contains("f")) {
                commitToCrmLatency();
            }
            if (scenarios.contains("j")) {
                queue.run();
            }
            if (scenarios.contains("k")) {
                syncNow.run();
            }
        }
        if (scenarios.contains("g")) {
            data.seed(lanes.users(), 1, 100);
            lanes.run();
        }
        if (scenarios.contains("h")) {
            changes.latency();
        }
        if (scenarios.contains("i")) {
            changes.writeThroughput();
        }
        if (scenarios.contains("d")) {
            ensureBigDataSet();
            staleFinder();
        }
        if (scenarios.contains("e")) {
            if (Boolean.parseBoolean(System.getProperty("bench.heap.fork", "true"))) {
                ensureBigDataSet();
                forkHeapScenario();
            } else {
                if (!Boolean.getBoolean("bench.heap.prepared")) {
                    ensureBigDataSet();
                }
                heapWhileBatchSyncing();
            }
        }
        return 0;
    }

    /** One unthrottled batch sync of the whole data set, forgotten afterwards: JIT, connection pool, REST client. */
    private void warmUp() {
        long start = System.nanoTime();
        BatchSyncStats stats = batchSync("fast");
        Figures.print("warmup.records", stats.total());
        Figures.print("warmup.seconds", Figures.seconds(start));
        data.sql("DELETE FROM crm_synchronisations WHERE crm_name = 'fast'");
        BenchmarkMain.fast.reset();
    }

    /** (a) Initial sync through a CRM limited to max-requests per period, against a sandbox with the same limit. */
    private void throttledInitialSync() {
        HubSpotSandbox sandbox = BenchmarkMain.throttled;
        sandbox.reset();
        int maxRequests = Integer.getInteger("bench.rate-limit.max-requests", 100);
        double period = Duration.parse("PT" + System.getProperty("bench.rate-limit.period", "10s").toUpperCase())
                .toMillis() / 1000.0;
        statements().reset();
        long start = System.nanoTime();
        BatchSyncStats stats = batchSync("hubspot");
        double seconds = Figures.seconds(start);
        long requests = sandbox.totalRequests();
        // the ends of the last requests, which no later request carried, are written before their permits would
        // leave the window counted from their grants: within one period
        pause(Duration.ofMillis((long) (period * 1000)));
        long permitStatements = statements().count("etlify_rate_limit");
        // the sustained rate the limit allows: requests / max-requests * period
        double bound = (double) requests / maxRequests * period;
        // a rolling window lets the first max-requests through at once: only the later windows must be waited for
        double burstBound = Math.max(0, Math.ceil((double) requests / maxRequests) - 1) * period;
        Figures.print("a.records", stats.total());
        Figures.print("a.errors", stats.errors());
        Figures.print("a.contacts_in_crm", sandbox.count("contacts"));
        Figures.print("a.initial_sync_throttled.seconds", seconds);
        Figures.print("a.requests", requests);
        Figures.print("a.responses_429", sandbox.count429());
        Figures.print("a.contract_violations", contractViolations(sandbox));
        Figures.print("a.bound_seconds", bound);
        Figures.print("a.ratio_to_bound", seconds / bound);
        Figures.print("a.burst_bound_seconds", burstBound);
        if (statements().available()) {
            Figures.print("a.rate_limit_statements_per_request", (double) permitStatements / requests);
            Figures.print("a.rate_limit_statements_per_request.target", 2);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Statements statements() {
        if (statements == null) {
            statements = new Statements(dataSource);
        }
        return statements;
    }

    /** (b) The same initial sync against an unthrottled sandbox, without client-side limit. */
    private void unthrottledInitialSync() {
        HubSpotSandbox sandbox = BenchmarkMain.fast;
        sandbox.reset();
        data.sql("DELETE FROM crm_synchronisations WHERE crm_name = 'fast'");
        long start = System.nanoTime();
        BatchSyncStats stats = batchSync("fast");
        double seconds = Figures.seconds(start);
        Figures.print("b.records", stats.total());
        Figures.print("b.errors", stats.errors());
        Figures.print("b.contacts_in_crm", sandbox.count("contacts"));
        Figures.print("b.initial_sync_unthrottled.seconds", seconds);
        Figures.print("b.records_per_second", stats.total() / seconds);
        Figures.print("b.requests", sandbox.totalRequests());
        Figures.print("b.responses_429", sandbox.count429());
        Figures.print("b.contract_violations", contractViolations(sandbox));
    }

    /** (c) Every user's updated_at changes but not its payload: the digests match, nothing is sent. */
    private void unchangedResync() {
        HubSpotSandbox sandbox = BenchmarkMain.fast;
        if (data.count("SELECT COUNT(*) FROM crm_synchronisations WHERE crm_name = 'fast'") < contacts) {
            batchSync("fast");
        }
        // round 0 warms the NOT_MODIFIED path up; round 1 is measured as the table is; round 2 after an ANALYZE
        // of crm_synchronisations, as autovacuum would leave a long-lived table (the plan of the sync-row look-up
        // depends on it)
        for (int round = 0; round < 3; round++) {
            if (round == 2) {
                data.sql("ANALYZE crm_synchronisations");
            }
            data.sql("UPDATE bench_users SET updated_at = clock_timestamp()");
            long requestsBefore = sandbox.totalRequests();
            long start = System.nanoTime();
            BatchSyncStats stats = batchSync("fast");
            double seconds = Figures.seconds(start);
            String prefix = round == 1 ? "c." : "c.analyzed.";
            if (round > 0) {
                Figures.print(prefix + "records", stats.total());
                Figures.print(prefix + "errors", stats.errors());
                Figures.print(prefix + "resync_unchanged.seconds", seconds);
                Figures.print(prefix + "records_per_second", stats.total() / seconds);
                Figures.print(prefix + "http_calls", sandbox.totalRequests() - requestsBefore);
            }
        }
        Figures.print("c.still_stale", data.count("SELECT COUNT(*) FROM bench_users u WHERE NOT EXISTS"
                + " (SELECT 1 FROM crm_synchronisations s WHERE s.crm_name = 'fast'"
                + " AND s.resource_id = CAST(u.id AS VARCHAR) AND s.source_watermark >= u.updated_at)"));
    }

    /**
     * (f) Commits at a fixed rate, each updating one user and calling {@code crm("live").sync(user)}; the durable
     * queue's workers send them. Latency: from the caller's commit to the sandbox receiving a request with that e-mail.
     */
    private void commitToCrmLatency() {
        HubSpotSandbox sandbox = BenchmarkMain.live;
        int rate = Integer.getInteger("bench.latency.rate", 50);
        int seconds = Integer.getInteger("bench.latency.seconds", 20);
        int commits = Math.min(rate * seconds, contacts);
        long interval = 1_000_000_000L / rate;
        sandbox.reset();
        Instant[] committed = new Instant[commits];
        long start = System.nanoTime();
        for (int i = 0; i < commits; i++) {
            LockSupport.parkNanos(start + i * interval - System.nanoTime());
            long id = i + 1;
            int version = i;
            QuarkusTransaction.requiringNew().run(() -> {
                BenchUser user = BenchUser.findById(id);
                user.lastName = "Latency " + version;
                etlify.crm("live").sync(user);
            });
            committed[i] = Instant.now();
        }
        double elapsed = Figures.seconds(start);
        Map<String, Instant> received = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.size() < commits && System.nanoTime() < deadline) {
            received = firstReceived(sandbox.requests());
            if (received.size() < commits) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
            Instant at = received.get("user" + (i + 1) + "@bench.example");
            if (at != null) {
                latencies.add(Math.max(0, Duration.between(committed[i], at).toNanos() / 1e6));
            }
        }
        latencies.sort(Double::compare);
        Figures.print("f.commits", commits);
        Figures.print("f.commits_per_second", commits / elapsed);
        Figures.print("f.delivered", latencies.size());
        Figures.print("f.requests", sandbox.totalRequests());
        Figures.print("f.latency_p50_ms", percentile(latencies, 0.50));
        Figures.print("f.latency_p99_ms", percentile(latencies, 0.99));
        Figures.print("f.latency_max_ms", percentile(latencies, 1.0));
        Figures.print("f.contract_violations", contractViolations(sandbox));
    }

    static Map<String, Instant> firstReceived(List<RecordedRequest> requests) {
        return firstReceived(requests, EMAIL);
    }

    /** When the sandbox first received a successful request naming each e-mail {@code email} matches (group 1). */
    static Map<String, Instant> firstReceived(List<RecordedRequest> requests, Pattern email) {
        Map<String, Instant> first = new HashMap<>();
        for (RecordedRequest request : requests) {
            if (request.body() == null || request.status() < 200 || request.status() >= 300) {
                continue;
            }
            Matcher matcher = email.matcher(request.body());
            while (matcher.find()) {
                first.merge(matcher.group(1), request.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return first;
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private void ensureBigDataSet() {
        if (data.count("SELECT COUNT(*) FROM bench_users") != users
                || data.count("SELECT COUNT(*) FROM crm_synchronisations WHERE crm_name = 'engine'") != users) {
            long start = System.nanoTime();
            data.seed(users, 2, 10_000);
            data.markSynced("engine");
            Figures.print("seed.users", users);
            Figures.print("seed.seconds", Figures.seconds(start));
        }
    }

    /**
     * (d) The stale finder over every user, none stale, then all stale: after an unmeasured run, the
     * median of {@code bench.finder.runs} measured runs (each printed too, the machine's noise in view).
     */
    private void staleFinder() {
        Mapping mapping = registry.mappingFor(BenchUser.class, "engine").orElseThrow();
        int pageSize = Integer.getInteger("bench.finder.page-size", 1_000);
        Figures.print("d.users", users);
        timeFinder(mapping, pageSize, "d.none_stale");
        data.shiftWatermarks("engine", "-1 year");
        // the unmeasured run also sets the hint bits of the rows just rewritten
        timeFinder(mapping, pageSize, "d.all_stale");
        data.shiftWatermarks("engine", "1 year");
        neverSynced(pageSize);
    }

    /**
     * (d) never synced: the finder over the same users for a CRM that has no sync row of them, next to its
     * reference, the bare anti-join of the users against their sync rows (ids read by the application too),
     * alternated run by run.
     */
    private void neverSynced(int pageSize) {
        Mapping mapping = registry.mappingFor(BenchUser.class, "fast").orElseThrow();
        data.sql("DELETE FROM crm_synchronisations WHERE crm_name = 'fast'");
        String antiJoin = "SELECT u.id FROM bench_users u WHERE NOT EXISTS (SELECT 1 FROM crm_synchronisations s"
                + " WHERE s.crm_name = 'fast' AND s.resource_type = 'BenchUser' AND s.resource_number = u.id)";
        int runs = Math.max(1, Integer.getInteger("bench.finder.runs", 3));
        finder.forEachPage(mapping, 3, pageSize, page -> {
        });
        data.readIds(antiJoin);
        List<Double> finderSeconds = new ArrayList<>();
        List<Double> antiJoinSeconds = new ArrayList<>();
        AtomicLong found = new AtomicLong();
        long antiJoinRows = 0;
        for (int run = 0; run < runs; run++) {
            found.set(0);
            long start = System.nanoTime();
            finder.forEachPage(mapping, 3, pageSize, page -> found.addAndGet(page.size()));
            finderSeconds.add(Figures.seconds(start));
            start = System.nanoTime();
            antiJoinRows = data.readIds(antiJoin);
            antiJoinSeconds.add(Figures.seconds(start));
        }
        double finderMedian = median(finderSeconds);
        double antiJoinMedian = median(antiJoinSeconds);
        Figures.print("d.never_synced.found", found.get());
        Figures.print("d.never_synced.seconds", finderMedian);
        Figures.print("d.never_synced.anti_join_rows", antiJoinRows);
        Figures.print("d.never_synced.anti_join_seconds", antiJoinMedian);
        Figures.print("d.never_synced.ratio_to_anti_join", finderMedian / antiJoinMedian);
        Figures.print("d.never_synced.target_ratio", 2.0);
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private void timeFinder(Mapping mapping, int pageSize, String key) {
        int runs = Math.max(1, Integer.getInteger("bench.finder.runs", 3));
        // unmeasured: warms the JVM and the database caches up
        finder.forEachPage(mapping, 3, pageSize, page -> {
        });
        List<Double> seconds = new ArrayList<>();
        AtomicLong found = new AtomicLong();
        CpuTimes cpu = CpuTimes.start();
        for (int run = 0; run < runs; run++) {
            found.set(0);
            long start = System.nanoTime();
            finder.forEachPage(mapping, 3, pageSize, page -> found.addAndGet(page.size()));
            seconds.add(Figures.seconds(start));
        }
        Figures.print(key + ".found", found.get());
        Figures.print(key + ".runs", seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
        Figures.print(key + ".seconds", seconds.stream().sorted().toList().get(seconds.size() / 2));
        cpu.print(key, runs);
    }

    /** (e) in a child JVM with -Xmx{bench.heap.xmx}, on this JVM's database. */
    private void forkHeapScenario() {
        long records = Long.getLong("bench.heap.records", users);
        data.markStale("engine", records);
        String classPath = System.getProperty("java.class.path");
        if (!classPath.endsWith("quarkus-run.jar")) {
            Figures.print("e.note", "not run from quarkus-run.jar: running in this JVM");
            heapWhileBatchSyncing();
            return;
        }
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        String xmx = System.getProperty("bench.heap.xmx", "256m");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-Dbench.scenarios=e",
                "-Dbench.heap.fork=false", "-Dbench.heap.prepared=true", "-Dbench.users=" + users,
                "-Dbench.heap.records=" + records));
        for (String property : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of("-jar", classPath));
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            int code = child.waitFor();
            Figures.print("e.child_jvm_xmx", xmx);
            Figures.print("e.child_exit_code", code);
            Figures.print("e.completed_within_xmx", code == 0);
        } catch (Exception e) {
            Figures.print("e.child_failed", e.toString().replace('\n', ' '));
        }
    }

    /** (e) Peak heap while batch-syncing the stale users through the null adapter. */
    private void heapWhileBatchSyncing() {
        long records = Long.getLong("bench.heap.records", users);
        if (!Boolean.getBoolean("bench.heap.prepared")) {
            data.markStale("engine", records);
        }
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
                sampledPeak.accumulateAndGet(used, Math::max);
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        BatchSyncStats stats = batchSync("engine");
        double seconds = Figures.seconds(start);
        sampler.interrupt();
        long poolPeaks = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        Figures.print("e.records", stats.total());
        Figures.print("e.errors", stats.errors());
        Figures.print("e.seconds", seconds);
        Figures.print("e.records_per_second", stats.total() / seconds);
        Figures.print("e.max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Figures.print("e.peak_heap_mb", poolPeaks / (1024.0 * 1024));
        Figures.print("e.peak_heap_sampled_mb", sampledPeak.get() / (1024.0 * 1024));
        Figures.print("e.gc", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining("+")).replace(' ', '_'));
    }

    /** The scenario's requests HubSpot's contracts reject: checked as they arrived, or now. */
    static int contractViolations(HubSpotSandbox sandbox) {
        return (BenchmarkMain.contractsInline ? sandbox.contractViolations() : sandbox.checkRecordedRequests()).size();
    }

    private BatchSyncStats batchSync(String crm) {
        return etlify.batchSync(BatchSync.options().crm(crm).models(BenchUser.class).inline());
    }
}
