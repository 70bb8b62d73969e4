package io.quarkiverse.etlify.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * The living demo (started by {@link DemoMain}): seeds thousands of records, batch-syncs them while showing the
 * progress, then lets {@link Activity} edit records so that changes flow to the CRM on their own, and serves the
 * admin console until stopped.
 */
public class DemoApp implements QuarkusApplication {

    /** Stop waiting for the initial sync after this long without progress (e.g. a CRM refusing every record). */
    private static final Duration STALL = Duration.ofSeconds(60);

    @Inject
    Etlify etlify;

    @Inject
    DataSource dataSource;

    @Inject
    ConsoleUser consoleUser;

    @Inject
    Activity activity;

    @ConfigProperty(name = "demo.users", defaultValue = "10000")
    int users;

    @ConfigProperty(name = "demo.activity.interval", defaultValue = "400ms")
    Duration activityInterval;

    @Override
    public int run(String... args) throws Exception {
        DemoSeed.Size size = new DemoSeed.Size(users, Math.max(1, users / 10), 2);
        HubSpotSandbox sandbox = DemoMain.sandbox;
        say("Etlify demo: users, companies and investments in an embedded H2 database, kept in sync with %s.",
                sandbox == null ? "your HubSpot account" : "a local HubSpot sandbox at " + sandbox.baseUrl()
                        + " (set " + DemoMain.TOKEN_VARIABLE + " to use your HubSpot account)");

        long start = System.nanoTime();
        DemoSeed.seed(dataSource, size);
        say("1. Seeded %,d users, %,d companies and %,d investments in %.1f s, with plain SQL as data written before"
                + " Etlify: Hibernate saw none of it.", size.users(), size.companies(), size.investments(), seconds(start));

        say("2. Initial sync: etlify.batchSync(BatchSync.options()) finds every record stale and queues it; the"
                + " queue's workers send them in batches of 100.");
        initialSync(size.users() + size.companies());
        if (sandbox != null) {
            say("   The sandbox took %,d requests (%s); contract violations: %d.", sandbox.totalRequests(),
                    requestCounts(sandbox), sandbox.contractViolations().size());
        }

        say("3. The admin console (CRMs, status, runs, failures, resync, dry run): %s", consoleUrl());
        say("   sign in as user %s, password %s (role %s; drawn at each start)", consoleUser.name(),
                consoleUser.password(), consoleUser.role());

        say("4. Activity: every %d ms a user is renamed, gets an investment or raises one. No code calls sync():"
                + " @Etlified(syncOnChange = true) sends each change. Press Enter or Ctrl-C to stop.",
                activityInterval.toMillis());
        activity.start(size.users(), activityInterval, LiveLine.onStandardOutput(Duration.ofSeconds(5)));
        stopOnEnter();
        Quarkus.waitForExit();
        return 0;
    }

    /** Queues every stale record, then follows the count of those still stale until none is left. */
    private void initialSync(long total) throws InterruptedException {
        long start = System.nanoTime();
        etlify.batchSync(BatchSync.options());
        CrmOperations crm = etlify.crm("hubspot");
        LiveLine line = LiveLine.onStandardOutput(Duration.ofSeconds(2));
        long stale = total;
        long lastProgress = System.nanoTime();
        while (stale > 0 && System.nanoTime() - lastProgress < STALL.toNanos()) {
            Thread.sleep(500);
            long now = crm.countStale(User.class) + crm.countStale(Company.class);
            if (now < stale) {
                lastProgress = System.nanoTime();
            }
            stale = now;
            line.update(String.format("   synced %,d of %,d records · %,.0f records/s", total - stale, total,
                    (total - stale) / seconds(start)));
        }
        line.finish(String.format("   synced %,d of %,d records in %.1f s · %,.0f records/s%s", total - stale, total,
                seconds(start), (total - stale) / seconds(start),
                stale == 0 ? "" : "; the rest failed or waits: see the console"));
    }

    /** The console's URL on the port the HTTP server got (Quarkus records it when the port is 0, i.e. free). */
    private static String consoleUrl() {
        Config config = ConfigProvider.getConfig();
        String port = System.getProperty("quarkus.http.port",
                config.getOptionalValue("quarkus.http.port", String.class).orElse("8080"));
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("localhost");
        return "http://" + host + ":" + port + "/q/etlify/console";
    }

    /** Enter stops the demo; without a terminal (standard input at its end) it runs until stopped. */
    private static void stopOnEnter() {
        Thread reader = new Thread(() -> {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                if (in.readLine() != null) {
                    Quarkus.asyncExit(0);
                }
            } catch (IOException e) {
                // no readable terminal: Ctrl-C or a signal stops the demo
            }
        }, "demo-stop-on-enter");
        reader.setDaemon(true);
        reader.start();
    }

    /** Requests by endpoint, those made only, in the order of {@link EndpointKind}. */
    private static String requestCounts(HubSpotSandbox sandbox) {
        return new EnumMap<>(sandbox.requestCounts()).entrySet().stream().filter(count -> count.getValue() > 0)
                .map(count -> count.getKey() + "=" + count.getValue()).collect(Collectors.joining(", "));
    }

    private static double seconds(long since) {
        return Math.max(1e-3, (System.nanoTime() - since) / 1e9);
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
