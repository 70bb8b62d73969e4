package io.quarkiverse.etlify.runtime.health;

import java.util.Locale;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.CrmState;

/**
 * Readiness of one CRM, from {@link CrmOperations#state()}: down while it refuses the credentials or
 * is paused (daily limit reached, or paused by hand), with when it resumes; up otherwise, with its
 * state: a short rate-limit wait or an open circuit breaker pass by themselves, and a disabled CRM is
 * reported {@code disabled}, not down.
 */
final class CrmReadinessCheck implements HealthCheck {

    static final String NAME_PREFIX = "Etlify CRM ";

    private final String crmName;
    private final CrmOperations crm;

    CrmReadinessCheck(String crmName, CrmOperations crm) {
        this.crmName = crmName;
        this.crm = crm;
    }

    String name() {
        return NAME_PREFIX + crmName;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name());
        CrmState state;
        try {
            state = crm.state();
        } catch (RuntimeException e) {
            return response.down().withData("state", "unknown")
                    .withData("error", "its state could not be read: " + e.getClass().getSimpleName()).build();
        }
        response.withData("state", state.condition().name().toLowerCase(Locale.ROOT));
        if (state.since() != null) {
            response.withData("since", state.since().toString());
        }
        if (state.until() != null) {
            response.withData(state.condition() == CrmState.Condition.UNAUTHORIZED ? "retry-at" : "resumes-at",
                    state.until().toString());
        }
        if (state.reason() != null) {
            response.withData("reason", state.reason());
        }
        boolean down = state.condition() == CrmState.Condition.PAUSED
                || state.condition() == CrmState.Condition.UNAUTHORIZED;
        return response.status(!down).build();
    }
}
