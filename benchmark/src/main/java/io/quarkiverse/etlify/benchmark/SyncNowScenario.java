package io.quarkiverse.etlify.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * (k) The per-record path: {@code etlify.crm("fast").syncNow(user)} one user after another, on a warmed JVM,
 * against the unthrottled sandbox with no latency. After {@code bench.syncnow.warmup} unmeasured calls of each
 * kind, {@code bench.syncnow.records} calls of users never synced (creates), then of the same users changed
 * (updates). Figures of each kind and of both together: records per second, SQL statements per record (from
 * {@code pg_stat_statements}, every statement of the database but the queue workers' polls, {@code SKIP LOCKED}),
 * and CPU per record in this JVM, the sandbox's threads (which serve HubSpot's side in the same JVM) counted apart.
 */
@ApplicationScoped
class SyncNowScenario {

    private static final String CRM = "fast";
    /**
     * Statements per record before the per-record path was reworked, as (k) counted them: 7.01-7.02, 7 a call and
     * the guard's periodic read of the CRM's hold.
     */
    static final double STATEMENTS_PER_RECORD_BEFORE = 7.0;

    @Inject
    Etlify etlify;

    @Inject
    BenchData data;

    @Inject
    DataSource dataSource;

    private final int warmup = Integer.getInteger("bench.syncnow.warmup", 500);
    private final int records = Integer.getInteger("bench.syncnow.records", 1_000);

    /** Users the scenario needs: the warm-up's, then the measured ones. */
    int users() {
        return warmup + records;
    }

    void run() {
        HubSpotSandbox sandbox = BenchmarkMain.fast;
        data.sql("DELETE FROM crm_synchronisations WHERE crm_name = '" + CRM + "'");
        data.sql("TRUNCATE etlify_claims");
        sandbox.reset();
        Statements statements = new Statements(dataSource);
        // warm-up: the same calls, on other users
        calls(1, warmup, null, statements);
        rename(1, warmup);
        calls(1, warmup, null, statements);
        settle();
        Measured creates = calls(warmup + 1, records, "k.create", statements);
        rename(warmup + 1, records);
        settle();
        Measured updates = calls(warmup + 1, records, "k.update", statements);
        double seconds = creates.seconds + updates.seconds;
        int calls = 2 * records;
        Figures.print("k.records", calls);
        Figures.print("k.records_per_second", calls / seconds);
        Figures.print("k.records_per_second.target", 1000);
        if (statements.available()) {
            Figures.print("k.statements_per_record", (double) (creates.statements + updates.statements) / calls);
            Figures.print("k.statements_per_record.reference", STATEMENTS_PER_RECORD_BEFORE);
            Figures.print("k.statements_per_record.target", STATEMENTS_PER_RECORD_BEFORE / 2);
        }
        Figures.print("k.cpu_ms_per_record", (creates.appCpuMs + updates.appCpuMs) / calls);
        Figures.print("k.sandbox_cpu_ms_per_record", (creates.sandboxCpuMs + updates.sandboxCpuMs) / calls);
        Figures.print("k.contacts_in_crm", sandbox.count("contacts"));
        Figures.print("k.requests", sandbox.totalRequests());
        Figures.print("k.contract_violations", BenchmarkApp.contractViolations(sandbox));
    }

    /**
     * {@code count} syncNow calls of users {@code first} and after, each loaded (detached) beforehand; measured and
     * printed under {@code key} unless it is {@code null}.
     */
    private Measured calls(int first, int count, String key, Statements statements) {
        List<BenchUser> users = QuarkusTransaction.requiringNew().call(() -> BenchUser
                .<BenchUser> list("id BETWEEN ?1 AND ?2 ORDER BY id", (long) first, (long) first + count - 1));
        CrmOperations crm = etlify.crm(CRM);
        int synced = 0;
        int errors = 0;
        statements.reset();
        long sandboxStart = sandboxCpuNanos();
        CpuTimes cpu = CpuTimes.start();
        long start = System.nanoTime();
        for (BenchUser user : users) {
            SyncResult result = crm.syncNow(user);
            if (result == SyncResult.SYNCED) {
                synced++;
            } else if (result == SyncResult.ERROR || result == SyncResult.DEFERRED) {
                errors++;
            }
        }
        double seconds = Figures.seconds(start);
        double appCpuMs = cpu.appCpuSeconds() * 1000;
        double sandboxCpuMs = (sandboxCpuNanos() - sandboxStart) / 1e6;
        // the queue workers' polls (of every CRM, on their own schedule) are no part of the calls
        long sent = statements.available() ? statements.count("") - statements.count("SKIP LOCKED") : -1;
        Measured measured = new Measured(seconds, sent, appCpuMs - sandboxCpuMs, sandboxCpuMs);
        if (key != null) {
            Figures.print(key + ".records", users.size());
            Figures.print(key + ".synced", synced);
            Figures.print(key + ".errors", errors);
            Figures.print(key + ".seconds", seconds);
            Figures.print(key + ".records_per_second", users.size() / seconds);
            if (sent >= 0) {
                Figures.print(key + ".statements_per_record", (double) sent / users.size());
            }
            Figures.print(key + ".cpu_ms_per_record", measured.appCpuMs / users.size());
            Figures.print(key + ".sandbox_cpu_ms_per_record", sandboxCpuMs / users.size());
            cpu.print(key, 1);
            if (Boolean.getBoolean("bench.syncnow.show-statements") && sent >= 0) {
                statements.top(30).forEach(line -> System.out.println(key + ".statement\t" + line));
            }
        }
        return measured;
    }

    /** Changes the users' last names: their next sync sends an update. */
    private void rename(int first, int count) {
        data.sql("UPDATE bench_users SET last_name = last_name || ' k', updated_at = clock_timestamp()"
                + " WHERE id BETWEEN " + first + " AND " + (first + count - 1));
    }

    /** Vacuums and analyzes the tables the warm-up and the renames wrote, as autovacuum soon would. */
    private void settle() {
        data.sql("VACUUM ANALYZE crm_synchronisations, etlify_claims, bench_users");
    }

    /** CPU time of the sandboxes' threads (their HTTP servers' dispatchers and handlers) so far. */
    private static long sandboxCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("hubspot-sandbox-")
                    || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private record Measured(double seconds, long statements, double appCpuMs, double sandboxCpuMs) {
    }
}
