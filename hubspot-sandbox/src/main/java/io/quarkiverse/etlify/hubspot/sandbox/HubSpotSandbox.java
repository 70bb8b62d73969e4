package io.quarkiverse.etlify.hubspot.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A real, stateful HTTP server imitating HubSpot's CRM v3 object API ({@code /crm/v3/objects/{objectType}/...}) for
 * any object type, with contract validation, rate-limit emulation, fault injection and request recording.
 *
 * <pre>{@code
 * try (HubSpotSandbox hubspot = HubSpotSandbox.builder().accessToken("token").build().start()) {
 *     String baseUrl = hubspot.baseUrl(); // point the client at it
 *     ...
 *     assertThat(hubspot.contractViolations()).isEmpty();
 * }
 * }</pre>
 *
 * Rate limits default to HubSpot's: 190 requests per rolling 10 seconds and 5 search requests per second, per token;
 * no per-second or daily limit. {@link Builder#noRateLimits()} switches them all off.
 */
public final class HubSpotSandbox implements AutoCloseable {

    /** The port {@link #main(String[])} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8089;

    private static final System.Logger LOG = System.getLogger(HubSpotSandbox.class.getName());

    static {
        // the JDK server writes a response's headers and body separately: without TCP_NODELAY, Nagle's
        // algorithm holds the body until the client's delayed ACK, ~40 ms per request. Read once, by the
        // first server of the JVM, so set before any; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String host;
    private final int requestedPort;
    private final int threads;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog log;
    private final ObjectStore store;
    private final RateLimitEmulator rateLimits;
    private final SandboxHttpHandler handler;
    private HttpServer server;
    private ExecutorService executor;

    private HubSpotSandbox(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.threads = builder.threads;
        this.log = new RequestLog(builder.requestLogCapacity);
        UniqueProperties uniqueProperties = builder.uniqueProperties.copy();
        this.store = new ObjectStore(uniqueProperties);
        this.rateLimits = new RateLimitEmulator(new RateLimitEmulator.Limits(builder.rollingMax, builder.rollingWindow,
                builder.secondly, builder.searchPerSecond, builder.daily), builder.ticker);
        ContractValidator validator = builder.validateContracts ? ContractValidator.bundled() : null;
        this.handler = new SandboxHttpHandler(Set.copyOf(builder.tokens), rateLimits, builder.retryAfterHeader,
                validator, faults, log, new CrmObjectApi(store, uniqueProperties, faults));
    }

    /** Starts configuring a sandbox. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a sandbox by hand: {@code java ... HubSpotSandbox [port] [token]} (port defaults to 8089; without a token
     * any bearer token is accepted). Stops on Ctrl+C.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT);
        if (args.length > 1) {
            builder.accessToken(args[1]);
        }
        HubSpotSandbox sandbox = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "hubspot-sandbox-shutdown"));
        System.out.println("HubSpot sandbox listening on " + sandbox.baseUrl());
        stopped.await();
    }

    /** Binds the port and starts serving; returns this for chaining. */
    public synchronized HubSpotSandbox start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the HubSpot sandbox to " + host + ":" + requestedPort, e);
        }
        executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        LOG.log(System.Logger.Level.DEBUG, "HubSpot sandbox listening on {0}", baseUrl());
        return this;
    }

    /** The base URL to configure as HubSpot's API root, e.g. {@code http://127.0.0.1:54321}. */
    public synchronized String baseUrl() {
        return "http://" + host + ":" + port();
    }

    /** The bound port (the free one chosen when configured with port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The HubSpot sandbox is not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops serving and releases the port; the sandbox cannot be restarted on the same port reliably after. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
            executor = null;
        }
    }

    /** Forgets all objects, recorded requests, counters, contract violations, rate-limit usage and faults. */
    public void reset() {
        store.reset();
        log.reset();
        rateLimits.reset();
        faults.clear();
    }

    /** The fault injector, usable while the sandbox serves requests. */
    public FaultInjector faults() {
        return faults;
    }

    // ---- requests and counters

    /** The recorded requests, oldest first (the most recent ones up to the log capacity). */
    public List<RecordedRequest> requests() {
        return log.requests();
    }

    /** The recorded requests of one endpoint kind, oldest first. */
    public List<RecordedRequest> requests(EndpointKind kind) {
        return log.requests().stream().filter(r -> r.kind() == kind).toList();
    }

    /** How many requests were received (dropped ones included). */
    public long totalRequests() {
        return log.total();
    }

    /** How many requests were answered with {@code status} ({@link RecordedRequest#DROPPED} counts drops). */
    public long statusCount(int status) {
        return log.status(status);
    }

    /** How many requests were rate limited. */
    public long count429() {
        return log.status(429);
    }

    /** Request counts per answered status. */
    public Map<Integer, Long> statusCounts() {
        return log.statuses();
    }

    /** How many requests addressed an endpoint kind, whatever their outcome. */
    public long requestCount(EndpointKind kind) {
        return log.kind(kind);
    }

    /** Request counts per endpoint kind. */
    public Map<EndpointKind, Long> requestCounts() {
        return log.kinds();
    }

    /** The requests HubSpot's contract rejects, oldest first; assert it is empty to prove a client conforms. */
    public List<ContractViolation> contractViolations() {
        return log.violations();
    }

    /**
     * Checks the recorded requests against the contracts now, oldest first, whether or not they were
     * checked as they arrived: for runs that switch {@link Builder#validateContracts(boolean)} off so
     * that checking takes no CPU from what they measure (benchmarks). Only the requests still in the
     * log (see {@link Builder#requestLogCapacity(int)}) are checked.
     */
    public List<ContractViolation> checkRecordedRequests() {
        return SandboxHttpHandler.check(ContractValidator.bundled(), log.requests());
    }

    // ---- objects

    /** Copies of the active objects of a type, in creation order. */
    public List<CrmObject> objects(String objectType) {
        return store.list(ObjectTypes.normalize(objectType), false);
    }

    /** Copies of the archived (deleted) objects of a type. */
    public List<CrmObject> archivedObjects(String objectType) {
        return store.list(ObjectTypes.normalize(objectType), true);
    }

    /** The active object of a type with that id. */
    public Optional<CrmObject> object(String objectType, String id) {
        return store.get(ObjectTypes.normalize(objectType), id, false);
    }

    /**
     * The first active object whose property equals the value (unique properties compare as HubSpot does, e.g.
     * contact e-mails regardless of case).
     */
    public Optional<CrmObject> findBy(String objectType, String property, String value) {
        return store.findBy(ObjectTypes.normalize(objectType), property, value);
    }

    /** How many active objects of a type exist. */
    public int count(String objectType) {
        return store.count(ObjectTypes.normalize(objectType));
    }

    /**
     * Stores an object directly, without a request (nothing is recorded or rate limited); for test fixtures.
     *
     * @throws IllegalStateException when a unique property value is already taken
     */
    public CrmObject seed(String objectType, Map<String, String> properties) {
        String type = ObjectTypes.normalize(objectType);
        try {
            return store.create(type, properties);
        } catch (UniqueConflictException e) {
            throw new IllegalStateException(HubSpotErrors.conflictMessage(type, e.existingId()), e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hubspot-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Configures a {@link HubSpotSandbox}. Defaults: port 0 (a free one), host 127.0.0.1, any bearer token accepted
     * until {@link #accessToken(String)} is called, HubSpot's default rate limits, contract validation on.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int threads = 8;
        private int requestLogCapacity = 10_000;
        private final Set<String> tokens = new LinkedHashSet<>();
        private final UniqueProperties uniqueProperties = new UniqueProperties();
        private int rollingMax = 190;
        private Duration rollingWindow = Duration.ofSeconds(10);
        private int secondly;
        private int searchPerSecond = 5;
        private long daily;
        private boolean retryAfterHeader;
        private boolean validateContracts = true;
        private LongSupplier ticker = System::nanoTime;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to bind, 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Accepts {@code Authorization: Bearer <token>}; call again (or use {@link #accessTokens(String...)}) for
         * several accounts, each with its own rate-limit counters. Without any, every bearer token is accepted.
         */
        public Builder accessToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            tokens.add(token);
            return this;
        }

        /** Accepts several tokens (several accounts). */
        public Builder accessTokens(String... tokens) {
            for (String token : tokens) {
                accessToken(token);
            }
            return this;
        }

        /**
         * Declares a property holding unique values for an object type (usable as {@code idProperty}, and a 409
         * source). Built in: {@code hs_object_id} for every type, {@code email} (case-insensitive) for contacts.
         */
        public Builder uniqueProperty(String objectType, String property) {
            return uniqueProperty(objectType, property, false);
        }

        /** Like {@link #uniqueProperty(String, String)}, optionally comparing values regardless of case. */
        public Builder uniqueProperty(String objectType, String property, boolean ignoreCase) {
            uniqueProperties.add(Objects.requireNonNull(objectType, "objectType"),
                    Objects.requireNonNull(property, "property"), ignoreCase);
            return this;
        }

        /**
         * The rolling burst limit per token (HubSpot: 190 per 10 s for most private apps); 0 switches it off.
         * Answers carry {@code X-HubSpot-RateLimit-Max/-Remaining/-Interval-Milliseconds}; exceeding it answers 429
         * with policy {@code TEN_SECONDLY_ROLLING}.
         */
        public Builder rateLimit(int maxRequests, Duration window) {
            if (maxRequests > 0 && (window == null || window.isZero() || window.isNegative())) {
                throw new IllegalArgumentException("window must be positive");
            }
            this.rollingMax = maxRequests;
            this.rollingWindow = window == null ? Duration.ofSeconds(10) : window;
            return this;
        }

        /** An additional per-second limit per token (policy {@code SECONDLY}); off (0) by default. */
        public Builder secondlyLimit(int maxRequestsPerSecond) {
            this.secondly = maxRequestsPerSecond;
            return this;
        }

        /**
         * The search endpoints' own per-second limit per token (HubSpot: 5); 0 switches it off. Search requests count
         * against it and the daily limit, not against the rolling/secondly limits.
         */
        public Builder searchRateLimit(int maxRequestsPerSecond) {
            this.searchPerSecond = maxRequestsPerSecond;
            return this;
        }

        /** A per-day limit per token (policy {@code DAILY}, reset at midnight UTC); off (0) by default. */
        public Builder dailyLimit(long maxRequestsPerDay) {
            this.daily = maxRequestsPerDay;
            return this;
        }

        /** Switches every rate limit off (no 429, no rate-limit headers). */
        public Builder noRateLimits() {
            this.rollingMax = 0;
            this.secondly = 0;
            this.searchPerSecond = 0;
            this.daily = 0;
            return this;
        }

        /** Whether 429 answers carry {@code Retry-After} (seconds); off by default, as HubSpot usually omits it. */
        public Builder retryAfterHeader(boolean enabled) {
            this.retryAfterHeader = enabled;
            return this;
        }

        /**
         * Where the rolling, secondly and search windows read the time, in nanoseconds ({@link System#nanoTime()}
         * by default): a test passes one it moves by hand, so that a window passes without waiting for it and a
         * slow request cannot push another out of its window. The daily limit keeps the UTC calendar day.
         */
        public Builder ticker(LongSupplier nanoTime) {
            this.ticker = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** Whether requests are validated against the contracts (on by default). */
        public Builder validateContracts(boolean enabled) {
            this.validateContracts = enabled;
            return this;
        }

        /** How many server threads answer requests concurrently (8 by default). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            this.threads = threads;
            return this;
        }

        /** How many recent requests {@link HubSpotSandbox#requests()} keeps (10,000 by default); counters keep all. */
        public Builder requestLogCapacity(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("capacity must not be negative");
            }
            this.requestLogCapacity = capacity;
            return this;
        }

        /** Creates the sandbox (not yet listening: call {@link HubSpotSandbox#start()}). */
        public HubSpotSandbox build() {
            return new HubSpotSandbox(this);
        }
    }
}
