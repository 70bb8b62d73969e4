package io.quarkiverse.etlify.deployment;

import java.util.Optional;

import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkiverse.etlify.runtime.health.HealthBeans;
import io.quarkiverse.etlify.runtime.metrics.MetricsBeans;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/** Build steps of Etlify's health checks and metrics, each only when the application has that extension. */
class EtlifyObservabilityProcessor {

    /** The no-op recorder always; Micrometer's meters when the application has Micrometer. */
    @BuildStep
    void metricsBeans(EtlifyBuildTimeConfig config, Optional<MetricsCapabilityBuildItem> metrics,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(MetricsBeans.DEFAULT).setUnremovable().build());
        if (config.metrics().enabled() && metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER)) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(MetricsBeans.MICROMETER).setUnremovable()
                    .build());
        }
    }

    /** The readiness checks of the tables and, registered at start-up, of each CRM. */
    @BuildStep
    void healthChecks(EtlifyBuildTimeConfig config, Capabilities capabilities, BuildProducer<HealthBuildItem> checks,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (!capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            return;
        }
        checks.produce(new HealthBuildItem(HealthBeans.TABLES_CHECK, config.health().enabled()));
        if (config.health().enabled()) {
            beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(HealthBeans.CRM_CHECKS).setUnremovable()
                    .build());
        }
    }
}
