package io.quarkiverse.etlify.config;

import java.time.Duration;
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
         * Cron expression (Quarkus scheduler syntax, e.g. {@code 0 *&#47;15 * * * ?}) of the batch sync
         * that finds stale records of every enabled CRM and queues them; {@code off} disables it.
         * Only one instance runs it per CRM at a time.
         */
        @WithDefault("off")
        String cron();

        /** Number of record ids read per page by the stale finder. */
        @WithDefault("1000")
        int batchSize();

        /** How long one instance may hold a CRM's batch-sync lease before another may take over. */
        @WithDefault("30m")
        Duration lease();
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

        /** Settings of the HubSpot adapter. */
        HubSpot hubspot();

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

        /** Maximum number of requests per period; no limit when unset. Must be positive. */
        OptionalInt maxRequests();

        /** The period of {@code max-requests}. Must be positive. */
        @WithDefault("10s")
        Duration period();
    }

    /** HubSpot adapter settings. */
    @ConfigGroup
    interface HubSpot {

        /** The private app access token. Never logged. */
        Optional<String> accessToken();

        /** Base URL of the HubSpot API. */
        @WithDefault("https://api.hubapi.com")
        String baseUrl();
    }
}
