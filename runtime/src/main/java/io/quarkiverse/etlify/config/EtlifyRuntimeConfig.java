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
