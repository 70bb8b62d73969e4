package io.quarkiverse.etlify.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts what the benchmark runs against — PostgreSQL (embedded unless {@code QUARKUS_DATASOURCE_JDBC_URL} is set)
 * and six HubSpot sandboxes on free ports — points the application at them through system properties, then runs
 * {@link BenchmarkApp}.
 */
@QuarkusMain
public class BenchmarkMain {

    static final String TOKEN = "pat-na1-bench-0000-0000-000000000000";

    /** The sandboxes of this JVM, for the scenarios' counters and request logs. */
    static HubSpotSandbox throttled;
    static HubSpotSandbox fast;
    static HubSpotSandbox live;
    static HubSpotSandbox lanes;
    static HubSpotSandbox onchange;
    static HubSpotSandbox queue;

    /**
     * Whether the sandboxes check each request against HubSpot's contracts as it arrives; by default
     * ({@code bench.sandbox.contracts=after}) they check the recorded requests after each scenario
     * instead: checking is HubSpot's work, done on its servers in production, and here it would take
     * the measured run's CPU (20–40 % of (b) on 2 cores).
     */
    static boolean contractsInline;

    public static void main(String... args) {
        String contracts = System.getProperty("bench.sandbox.contracts", "after");
        if (!contracts.equals("after") && !contracts.equals("inline")) {
            throw new IllegalArgumentException("bench.sandbox.contracts must be 'after' or 'inline', got '" + contracts + "'");
        }
        contractsInline = contracts.equals("inline");
        startDatabase();
        int maxRequests = Integer.getInteger("bench.rate-limit.max-requests", 100);
        Duration period = Duration.parse("PT" + System.getProperty("bench.rate-limit.period", "10s").toUpperCase());
        throttled = HubSpotSandbox.builder().accessToken(TOKEN).rateLimit(maxRequests, period)
                .validateContracts(contractsInline).build().start();
        fast = HubSpotSandbox.builder().accessToken(TOKEN).noRateLimits().validateContracts(contractsInline).build().start();
        live = HubSpotSandbox.builder().accessToken(TOKEN).noRateLimits().validateContracts(contractsInline)
                .requestLogCapacity(200_000).build().start();
        point("hubspot", throttled);
        point("fast", fast);
        lanes = HubSpotSandbox.builder().accessToken(TOKEN).rateLimit(maxRequests, period)
                .validateContracts(contractsInline).build().start();
        onchange = HubSpotSandbox.builder().accessToken(TOKEN).noRateLimits().validateContracts(contractsInline)
                .requestLogCapacity(200_000).build().start();
        point("live", live);
        point("lanes", lanes);
        point("onchange", onchange);
        queue = HubSpotSandbox.builder().accessToken(TOKEN).noRateLimits().validateContracts(contractsInline).build().start();
        point("queue", queue);
        // exits the JVM with BenchmarkApp's code; the sandboxes' threads are daemons, PostgreSQL stops in a hook
        Quarkus.run(BenchmarkApp.class, args);
    }

    private static void point(String crm, HubSpotSandbox sandbox) {
        System.setProperty("quarkus.etlify.crm." + crm + ".hubspot.base-url", sandbox.baseUrl());
        System.setProperty("quarkus.etlify.crm." + crm + ".hubspot.access-token", TOKEN);
    }

    private static void startDatabase() {
        if (System.getProperty("quarkus.datasource.jdbc.url") != null || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return;
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                    // sized like a database server's (the defaults are for a laptop): the million-row
                    // scenarios' tables and indexes (~1 GB) stay in shared buffers, hashes and sorts in memory
                    .setServerConfig("shared_buffers", "1GB").setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    // statements per record and per request are counted from pg_stat_statements
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // exiting anyway
                }
            }));
            System.setProperty("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }
}
