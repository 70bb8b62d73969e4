package io.quarkiverse.etlify.airtable.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A real, stateful HTTP server imitating the record endpoints of Airtable's Web API v0 for one base
 * ({@code /v0/{baseId}/{tableIdOrName}[/{recordId}]}): create, update, upsert ({@code performUpsert}) and delete,
 * with Airtable's 10-record limit, its 5 requests per second per base and 30-second penalty, field types,
 * {@code typecast}, answers keyed by field id on request, fault injection and request recording.
 *
 * <pre>{@code
 * try (AirtableSandbox airtable = AirtableSandbox.builder().accessToken("token")
 *         .table(TableSchema.of("People", FieldSchema.of("email", FieldType.EMAIL))).build().start()) {
 *     String baseUrl = airtable.baseUrl(); // point the client at it, with base id airtable.baseId()
 *     ...
 *     assertThat(airtable.findBy("People", "email", "ada@example.com")).isPresent();
 * }
 * }</pre>
 */
public final class AirtableSandbox implements AutoCloseable {

    /** The port {@link #main(String[])} listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8090;
    /** Airtable's limit of requests per second per base (https://airtable.com/developers/web/api/rate-limits). */
    public static final int AIRTABLE_RATE_LIMIT = 5;
    /** How long Airtable refuses requests after a 429 (https://airtable.com/developers/web/api/rate-limits). */
    public static final Duration AIRTABLE_PENALTY = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(AirtableSandbox.class.getName());

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
    private final String baseId;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog log;
    private final RateLimiter rateLimiter;
    private final RecordsApi api;
    private final SandboxHttpHandler handler;
    private HttpServer server;
    private ExecutorService executor;

    private AirtableSandbox(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.threads = builder.threads;
        this.baseId = builder.baseId;
        this.log = new RequestLog(builder.requestLogCapacity);
        this.rateLimiter = new RateLimiter(builder.rateLimit, builder.penalty, builder.ticker);
        this.api = new RecordsApi(builder.tables, builder.autoCreate, faults);
        this.handler = new SandboxHttpHandler(baseId, Set.copyOf(builder.tokens), rateLimiter, faults, log, api);
    }

    /** Starts configuring a sandbox. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a sandbox by hand: {@code java ... AirtableSandbox [port] [token] [baseId]} (port 8090 by default;
     * without a token any bearer token is accepted; tables and fields are made up as requests name them).
     * Stops on Ctrl+C.
     */
    public static void main(String[] args) throws InterruptedException {
        Builder builder = builder().autoCreate(true).port(args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT);
        if (args.length > 1) {
            builder.accessToken(args[1]);
        }
        if (args.length > 2) {
            builder.baseId(args[2]);
        }
        AirtableSandbox sandbox = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "airtable-sandbox-shutdown"));
        System.out.println("Airtable sandbox listening on " + sandbox.baseUrl() + ", base " + sandbox.baseId());
        stopped.await();
    }

    /** Binds the port and starts serving; returns this for chaining. */
    public synchronized AirtableSandbox start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Airtable sandbox to " + host + ":" + requestedPort, e);
        }
        executor = Executors.newFixedThreadPool(threads, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        LOG.log(System.Logger.Level.DEBUG, "Airtable sandbox listening on {0}", baseUrl());
        return this;
    }

    /** The base URL to configure as Airtable's API root, e.g. {@code http://127.0.0.1:54321}. */
    public synchronized String baseUrl() {
        return "http://" + host + ":" + port();
    }

    /** The bound port (the free one chosen when configured with port 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The Airtable sandbox is not started");
        }
        return server.getAddress().getPort();
    }

    /** The id of the sandbox's base ({@code app...}); requests to another base are answered 403. */
    public String baseId() {
        return baseId;
    }

    /** Stops serving and releases the port. */
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

    /**
     * Forgets all records, recorded requests, counters, rate-limit usage (and penalty) and faults, and the
     * tables and fields made up since; the tables given to the builder stay, empty.
     */
    public void reset() {
        api.reset();
        log.reset();
        rateLimiter.reset();
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

    /** The recorded requests to one endpoint, oldest first. */
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return log.requests().stream().filter(request -> request.endpoint() == endpoint).toList();
    }

    /** Requests received since the start or the last reset. */
    public long totalRequests() {
        return log.total();
    }

    /** Requests answered with that status (0 for dropped connections). */
    public long statusCount(int status) {
        return log.status(status);
    }

    /** Requests answered 429. */
    public long count429() {
        return log.status(429);
    }

    /** Requests by answered status. */
    public Map<Integer, Long> statusCounts() {
        return log.statuses();
    }

    /** Requests to one endpoint. */
    public long requestCount(Endpoint endpoint) {
        return log.endpoint(endpoint);
    }

    /** Requests by endpoint. */
    public Map<Endpoint, Long> requestCounts() {
        return log.endpoints();
    }

    // ---- tables and records

    /** The base's tables as they are now (with the fields and select options requests added). */
    public List<TableSchema> tables() {
        return api.tables();
    }

    /** The table of that name or id, if the base has it. */
    public Optional<TableSchema> table(String nameOrId) {
        return api.tables().stream().filter(t -> t.id().equals(nameOrId) || t.name().equals(nameOrId)).findFirst();
    }

    /** The records of a table (by name or id), in creation order; empty for an unknown table. */
    public List<StoredRecord> records(String table) {
        return api.records(table);
    }

    /** The record of that id in a table. */
    public Optional<StoredRecord> record(String table, String recordId) {
        return records(table).stream().filter(record -> record.id().equals(recordId)).findFirst();
    }

    /** The first record of a table whose cell of that field (by name) reads as {@code value}. */
    public Optional<StoredRecord> findBy(String table, String field, String value) {
        return records(table).stream().filter(record -> Objects.equals(value, record.text(field))).findFirst();
    }

    /** How many records a table holds. */
    public int count(String table) {
        return records(table).size();
    }

    /**
     * Stores a record without a request (as with {@code typecast}: strings are converted to the fields' types),
     * e.g. a fixture the code under test finds or updates.
     */
    public StoredRecord seed(String table, Map<String, ?> fields) {
        JsonNode cells = Json.MAPPER.valueToTree(fields);
        return api.seed(table, cells);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "airtable-sandbox-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configuration of a sandbox. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private int threads = 8;
        private int requestLogCapacity = 10_000;
        private final Set<String> tokens = new LinkedHashSet<>();
        private String baseId = Ids.next(Ids.BASE);
        private final List<TableSchema> tables = new ArrayList<>();
        private boolean autoCreate;
        private int rateLimit = AIRTABLE_RATE_LIMIT;
        private Duration penalty = AIRTABLE_PENALTY;
        private LongSupplier ticker = System::nanoTime;

        private Builder() {
        }

        /** The port to bind, 0 (the default) for a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The interface to bind, {@code 127.0.0.1} by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** A bearer token the sandbox accepts; without any, every bearer token is accepted. */
        public Builder accessToken(String token) {
            tokens.add(Objects.requireNonNull(token, "token"));
            return this;
        }

        /** The id of the base, {@code app} and 14 letters or digits; a random one by default. */
        public Builder baseId(String baseId) {
            if (!Ids.is(Ids.BASE, baseId)) {
                throw new IllegalArgumentException("A base id is app followed by 14 letters or digits: " + baseId);
            }
            this.baseId = baseId;
            return this;
        }

        /** Tables of the base, with their fields. */
        public Builder table(TableSchema... tables) {
            this.tables.addAll(List.of(tables));
            return this;
        }

        /**
         * Whether a request naming a table or field the base does not have creates it (a field's type guessed
         * from its first value: text, number, checkbox, multiple select or linked records), rather than being
         * answered as Airtable does (403 {@code INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND}, 422
         * {@code UNKNOWN_FIELD_NAME}). Off by default; convenient for tests that check records, not schemas.
         */
        public Builder autoCreate(boolean autoCreate) {
            this.autoCreate = autoCreate;
            return this;
        }

        /** Requests per rolling second to the base, Airtable's 5 by default; 0 for no limit. */
        public Builder rateLimit(int perSecond) {
            this.rateLimit = perSecond;
            return this;
        }

        /** How long requests are refused after a 429, Airtable's 30 seconds by default. */
        public Builder penalty(Duration penalty) {
            this.penalty = Objects.requireNonNull(penalty, "penalty");
            return this;
        }

        /** Switches the rate limit off. */
        public Builder noRateLimits() {
            return rateLimit(0);
        }

        /** The clock of the rate limit (nanoseconds, like {@link System#nanoTime()}), for tests that move it by hand. */
        public Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Server threads, 8 by default. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** How many requests {@link AirtableSandbox#requests()} keeps, 10,000 by default. */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        public AirtableSandbox build() {
            return new AirtableSandbox(this);
        }
    }
}
