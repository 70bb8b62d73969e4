package io.quarkiverse.etlify.runtime.health;

/** The health beans, for the build to register when the application has SmallRye Health. */
public final class HealthBeans {

    /** The readiness check of Etlify's tables. */
    public static final String TABLES_CHECK = "io.quarkiverse.etlify.runtime.health.EtlifyTablesHealthCheck";
    /** Registers one readiness check per CRM at start-up. */
    public static final String CRM_CHECKS = "io.quarkiverse.etlify.runtime.health.CrmHealthChecks";

    private HealthBeans() {
    }
}
