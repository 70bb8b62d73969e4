package io.quarkiverse.etlify.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.etlify.Etlify;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Registers a readiness check per configured CRM ({@link CrmReadinessCheck}), named {@code Etlify CRM <name>}. */
@ApplicationScoped
class CrmHealthChecks {

    @Inject
    @Readiness
    HealthRegistry readiness;

    void register(@Observes StartupEvent event, Etlify etlify) {
        for (String name : etlify.crmNames()) {
            CrmReadinessCheck check = new CrmReadinessCheck(name, etlify.crm(name));
            // programmatic checks run on the thread serving /q/health, an event loop: the CRM's state may
            // need a query, which Quarkus refuses there
            readiness.register(check.name(), (AsyncHealthCheck) () -> Uni.createFrom().item(check::call)
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        }
    }
}
