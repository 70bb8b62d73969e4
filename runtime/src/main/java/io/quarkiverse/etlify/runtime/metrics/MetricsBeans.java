package io.quarkiverse.etlify.runtime.metrics;

/** The metrics beans, for the build to register: the default always, Micrometer's with that extension. */
public final class MetricsBeans {

    /** Reports nothing; replaced by Micrometer's when the application has it. */
    public static final String DEFAULT = NoEtlifyMetrics.class.getName();
    /** Micrometer meters; its class is loaded only when the build registers it. */
    public static final String MICROMETER = "io.quarkiverse.etlify.runtime.metrics.MicrometerEtlifyMetrics";

    private MetricsBeans() {
    }
}
