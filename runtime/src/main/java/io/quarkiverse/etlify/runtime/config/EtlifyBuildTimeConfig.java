package io.quarkiverse.etlify.runtime.config;

import java.util.Map;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Etlify configuration fixed at build time: which CRMs exist and which adapter each uses. */
@ConfigMapping(prefix = "quarkus.etlify")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface EtlifyBuildTimeConfig {

    /**
     * The persistence unit holding the sync-state entities ({@code crm_synchronisations},
     * {@code etlify_pending_syncs}); its datasource receives Etlify's migrations.
     */
    @WithDefault("<default>")
    String persistenceUnit();

    /** The admin REST API under {@code /q/etlify}. */
    Admin admin();

    /** The CRMs, by name. A CRM exists once its adapter is set. */
    @ConfigDocMapKey("crm-name")
    @ConfigDocSection
    Map<String, CrmBuildTimeConfig> crm();

    /** Health checks, when the application has {@code quarkus-smallrye-health}. */
    Health health();

    /** Sandboxes started in dev and test mode for CRMs with no credentials. */
    DevServices devservices();

    /** Metrics, when the application has {@code quarkus-micrometer}. */
    Metrics metrics();

    /** Dev Services. */
    interface DevServices {

        /**
         * Whether, in dev and test mode, each enabled CRM on the {@code hubspot} or {@code airtable} adapter
         * with neither an {@code access-token} nor a {@code base-url} of its adapter set gets an in-process
         * sandbox of that CRM (no container) and is pointed at it. Also off when
         * {@code quarkus.devservices.enabled=false}.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** Health checks. */
    interface Health {

        /**
         * Whether Etlify adds readiness checks to {@code /q/health/ready} when the application has
         * SmallRye Health: one per CRM ({@code Etlify CRM <name>}) and one of its tables ({@code Etlify database}).
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** Metrics. */
    interface Metrics {

        /**
         * Whether Etlify publishes its meters ({@code etlify.syncs}, {@code etlify.sync.duration},
         * {@code etlify.crm.requests}, {@code etlify.crm.throttle.wait}, {@code etlify.queue.depth},
         * {@code etlify.records.failing}) when the application has Micrometer.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** Build-time configuration of one CRM. */
    interface CrmBuildTimeConfig {

        /**
         * The adapter talking to this CRM: {@code null} (no-op), {@code hubspot}, {@code airtable}, {@code in-memory}
         * (from {@code quarkus-etlify-test}) or the {@code @Identifier} of a {@code CrmAdapter} bean.
         */
        @WithDefault("null")
        String adapter();
    }

    /** Admin REST API. */
    @ConfigGroup
    interface Admin {

        /**
         * Whether the admin REST API is served under the non-application root ({@code /q/etlify}, or the
         * management interface when {@code quarkus.management.enabled=true}); when {@code false} its
         * endpoints do not exist. Every endpoint requires an authenticated identity with
         * {@code quarkus.etlify.admin.role}.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
