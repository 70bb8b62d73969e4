package io.quarkiverse.etlify.runtime.airtable;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkiverse.etlify.runtime.throttle.DefaultRequestLimits;

/**
 * Airtable's documented limit, for CRMs on the {@code airtable} adapter without {@code rate-limit.max-requests}:
 * "The API is limited to 5 requests per second per base" (https://airtable.com/developers/web/api/rate-limits).
 * Counted per CRM: two CRMs on one base share it only if their own limits say so.
 */
@ApplicationScoped
class AirtableRequestLimit implements DefaultRequestLimits {

    static final Limit AIRTABLE = new Limit(5, Duration.ofSeconds(1));

    private final EtlifyBuildTimeConfig buildConfig;

    @Inject
    AirtableRequestLimit(EtlifyBuildTimeConfig buildConfig) {
        this.buildConfig = buildConfig;
    }

    @Override
    public Optional<Limit> forCrm(String crmName) {
        EtlifyBuildTimeConfig.CrmBuildTimeConfig crm = buildConfig.crm().get(crmName);
        return crm != null && AirtableAdapterFactory.KIND.equals(crm.adapter()) ? Optional.of(AIRTABLE)
                : Optional.empty();
    }
}
