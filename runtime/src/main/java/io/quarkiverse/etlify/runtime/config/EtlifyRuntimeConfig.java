package io.quarkiverse.etlify.runtime.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

/** Etlify configuration read at start-up. */
@ConfigMapping(prefix = "quarkus.etlify")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface EtlifyRuntimeConfig {

    /**
     * Consecutive sync failures after which a record is left out of batch syncs until its error
     * count is reset; a CRM can override it.
     */
    @WithDefault("3")
    int maxSyncErrors();

    /** Schema management of Etlify's own tables. */
    Schema schema();

    /** The scheduled batch sync of stale records. */
    BatchSync batchSync();

    /** The admin REST API (see the build-time {@code quarkus.etlify.admin.enabled}). */
    Admin admin();

    /** The CRMs, by name (see the build-time {@code adapter} property). */
    @ConfigDocMapKey("crm-name")
    @ConfigDocSection
    @WithDefaults
    Map<String, CrmRuntimeConfig> crm();

    /** Schema management. */
    @ConfigGroup
    interface Schema {

        /**
         * Whether Etlify applies its Flyway migrations at start-up (with its own history table,
         * {@code etlify_schema_history}). When {@code false}, start-up checks that the tables exist
         * and names the scripts to run when they do not.
         */
        @WithDefault("true")
        @WithConverter(StrictBooleanConverter.class)
        boolean migrateAtStart();
    }

    /** Scheduled batch sync. */
    @ConfigGroup
    interface BatchSync {

        /**
         * Cron expression (Quarkus scheduler syntax, e.g. {@code 0 0/15 * * * ?}, every 15 minutes) of the batch sync
         * that finds stale records of every enabled CRM and queues them; {@code off} disables it.
         * Only one instance runs it per CRM at a time.
         */
        @WithDefault("off")
        String cron();

        /** Number of record ids read per page by the stale finder. */
        @WithDefault("1000")
        int batchSize();

        /**
         * Pages an inline batch sync works on at once (reading records, calling the CRM, writing sync
         * rows), so that one page's CRM calls overlap the next page's database work. The CRM's rate limit
         * still applies to all of them.
         */
        @WithDefault("2")
        int concurrency();

        /**
         * Windows of 20,000 owners the stale finder searches at once, each by one statement on its own
         * database connection. The finder keeps the database's cores busy: raise it on a database server
         * with more cores than two, lower it to 1 to leave them to other work.
         */
        @WithDefault("2")
        int finderParallelism();

        /** How long one instance may hold a CRM's batch-sync lease before another may take over. */
        @WithDefault("30m")
        Duration lease();

        /**
         * How often a running batch sync logs its progress (processed / found, rate, estimated time left)
         * and stores it in {@code etlify_batch_runs}, where {@code GET /q/etlify/runs/{id}} reads it. Must be
         * positive.
         */
        @WithDefault("10s")
        Duration progressInterval();

        /**
         * How long a batch sync's run stays in {@code etlify_batch_runs} after it finished. Must be positive.
         */
        @WithDefault("7d")
        Duration runRetention();
    }

    /** Admin REST API. */
    @ConfigGroup
    interface Admin {

        /** The role an authenticated identity needs to call any admin endpoint. */
        @WithDefault("etlify-admin")
        String role();

        /**
         * How long an unfinished batch run may go without storing its progress before it is shown as
         * abandoned (its instance stopped or died). Must be longer than
         * {@code quarkus.etlify.batch-sync.progress-interval}.
         */
        @WithDefault("2m")
        Duration abandonedAfter();

        /** Largest page the list endpoints ({@code /q/etlify/failures}, {@code /q/etlify/runs}) return. Must be positive. */
        @WithDefault("500")
        int maxPageSize();
    }

    /** Run-time configuration of one CRM. */
    interface CrmRuntimeConfig {

        /**
         * Whether the CRM is enabled; a disabled CRM is a pure no-op. Only {@code true} or
         * {@code false} are accepted.
         */
        @WithDefault("true")
        @WithConverter(StrictBooleanConverter.class)
        boolean enabled();

        /** Overrides the global {@code quarkus.etlify.max-sync-errors} for this CRM. */
        OptionalInt maxSyncErrors();

        /** The CRM account's request limit, shared by every instance of the application. */
        RateLimit rateLimit();

        /** Retries of calls that failed for a reason that may go away (5xx answers, I/O errors, timeouts). */
        Retry retry();

        /** The circuit breaker that stops calling a CRM that keeps failing. */
        CircuitBreaker circuitBreaker();

        /**
         * After the CRM refused the credentials (401/403), how long every instance holds the CRM's
         * requests before sending one to find out whether valid credentials are back (e.g. a rotated
         * token). Records are deferred meanwhile, not counted as errors. Must be positive.
         */
        @WithDefault("1m")
        Duration unauthorizedPause();

        /** Settings of the HubSpot adapter. */
        HubSpot hubspot();

        /** Settings of the Airtable adapter. */
        Airtable airtable();

        /** The durable queue performing {@code sync(entity)} requests of this CRM. */
        Queue queue();

        /**
         * The {@code @Identifier} of a {@code SyncDispatcher} bean taking this CRM's {@code sync(entity)}
         * requests instead of the built-in durable queue (a mapping's own dispatcher still wins).
         */
        Optional<String> dispatcher();
    }

    /** Durable queue of one CRM. */
    @ConfigGroup
    interface Queue {

        /** Whether this instance runs workers for the CRM (requests are recorded either way). */
        @WithDefault("true")
        @WithConverter(StrictBooleanConverter.class)
        boolean workersEnabled();

        /** Worker threads of this instance for the CRM. */
        @WithDefault("1")
        int concurrency();

        /** How often an idle worker looks for requests made on other instances. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Requests claimed at once, synced together through the batch synchronizer. */
        @WithDefault("100")
        int batchSize();

        /** How long a claim lasts: a crashed worker's requests become claimable again after it. */
        @WithDefault("5m")
        Duration lease();

        /** First back-off of a failing request; doubled at each consecutive failure, up to 1 hour. */
        @WithDefault("10s")
        Duration retryBackoff();
    }

    /** Request limit of a CRM account. */
    @ConfigGroup
    interface RateLimit {

        /**
         * Maximum number of requests per period. When unset, the adapter's documented limit applies if it has
         * one (Airtable: 5 requests per 1 second, its limit per base), otherwise none. When set, it replaces
         * that default together with {@code period}. Must be positive.
         */
        OptionalInt maxRequests();

        /** The period of {@code max-requests}. Must be positive. */
        @WithDefault("10s")
        Duration period();

        /**
         * Whether every instance of the application shares {@code max-requests} through the database
         * (each request is recorded in {@code etlify_rate_limits}, timed by the database
         * clock); when {@code false} each instance keeps its own limiter, which is only right for a
         * single instance. Applies to the adapter's default limit too; ignored when there is no limit.
         */
        @WithDefault("true")
        @WithConverter(StrictBooleanConverter.class)
        boolean shared();

        /**
         * Longest time one request keeps waiting and retrying after the CRM refused it for a short
         * rate limit (HubSpot's {@code SECONDLY} or {@code TEN_SECONDLY_ROLLING} 429 answers, any Airtable 429,
         * after which Airtable wants 30 seconds without requests) before failing with
         * {@code CrmRateLimitedException}. Must not be negative.
         */
        @WithDefault("5m")
        Duration maxWait();
    }

    /** Retries of transient failures, with exponential backoff and jitter. */
    @ConfigGroup
    interface Retry {

        /** Retries after the first attempt; {@code 0} switches retries off. Must not be negative. */
        @WithDefault("3")
        int maxRetries();

        /** Delay before the first retry; each further retry doubles it. Must not be negative. */
        @WithDefault("500ms")
        Duration delay();

        /** Upper bound of the delay between two retries. Must not be negative. */
        @WithDefault("30s")
        Duration maxDelay();

        /**
         * Random time between {@code -jitter} and {@code +jitter} added to each delay, so that
         * callers failing together do not retry together. Must not be negative.
         */
        @WithDefault("200ms")
        Duration jitter();

        /** Longest time spent on one call including its retries. Must be longer than {@code delay}. */
        @WithDefault("3m")
        Duration maxDuration();
    }

    /**
     * Circuit breaker settings; only calls that still fail after their retries with a transient failure
     * (5xx, I/O errors, timeouts) count as failures.
     */
    @ConfigGroup
    interface CircuitBreaker {

        /** Whether the circuit breaker is on. */
        @WithDefault("true")
        @WithConverter(StrictBooleanConverter.class)
        boolean enabled();

        /** How many recent calls the failure ratio is computed over. Must be positive. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Ratio of failed calls among the recent ones that opens the circuit. Between 0 and 1. */
        @WithDefault("0.5")
        double failureRatio();

        /**
         * How long an open circuit fails calls fast before letting a trial call through. Must not be
         * negative.
         */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close the circuit again. Must be positive. */
        @WithDefault("1")
        int successThreshold();
    }

    /** HubSpot adapter settings. */
    @ConfigGroup
    interface HubSpot {

        /** The private app access token. Never logged. */
        Optional<String> accessToken();

        /** Base URL of the HubSpot API. */
        @WithDefault("https://api.hubapi.com")
        String baseUrl();

        /** Timeout for opening a connection to HubSpot. Must be positive. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Timeout for HubSpot's answer once the request is sent. Must be positive. */
        @WithDefault("30s")
        Duration readTimeout();

        /**
         * Properties of an object type that HubSpot holds as unique values ("Require unique values for
         * this property"), usable as {@code idProperty} of an {@code @Etlified} mapping, e.g.
         * {@code unique-properties.p123_subscription=subscription_id}. {@code hs_object_id} (every
         * type) and {@code email} (contacts) are built in. A mapping of this CRM whose id property is
         * neither built in nor declared here fails start-up.
         */
        @ConfigDocMapKey("object-type")
        Map<String, List<String>> uniqueProperties();

        /**
         * Time zone of the HubSpot account, whose daily request limit resets at midnight in that
         * zone; a CRM that reached it is paused until then (unless HubSpot says when with
         * {@code Retry-After}). A time-zone ID such as {@code UTC} or {@code America/New_York}.
         */
        // a String, so that an unknown zone is reported with the property's name by the start-up check
        @WithDefault("UTC")
        String accountTimeZone();
    }

    /** Airtable adapter settings. */
    @ConfigGroup
    interface Airtable {

        /**
         * The personal access token (or OAuth access token) with the {@code data.records:write} scope on the
         * base. Never logged nor stored.
         */
        Optional<String> accessToken();

        /**
         * The id of the base the CRM's tables are in: {@code app} followed by 14 letters or digits, as in the
         * base's URL ({@code https://airtable.com/appXXXXXXXXXXXXXX/...}). A mapping's {@code objectType} is
         * the table's id ({@code tbl...}, recommended: it survives renames) or name.
         */
        Optional<String> baseId();

        /** Base URL of the Airtable Web API. */
        @WithDefault("https://api.airtable.com")
        String baseUrl();

        /**
         * Whether Airtable converts string values to the cell type of their field where it can (its
         * {@code typecast} parameter), and creates select options that do not exist yet. Off, Airtable refuses
         * a value that does not fit its field (error type {@code INVALID_VALUE_FOR_COLUMN} or
         * {@code INVALID_MULTIPLE_CHOICE_OPTIONS}), which keeps the base's data as the serializer meant it.
         */
        @WithDefault("false")
        @WithConverter(StrictBooleanConverter.class)
        boolean typecast();

        /** Timeout for opening a connection to Airtable. Must be positive. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Timeout for Airtable's answer once the request is sent. Must be positive. */
        @WithDefault("30s")
        Duration readTimeout();
    }
}
