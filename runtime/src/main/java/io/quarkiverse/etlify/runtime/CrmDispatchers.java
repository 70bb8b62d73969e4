package io.quarkiverse.etlify.runtime;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.queue.DurableQueueDispatcher;
import io.quarkiverse.etlify.runtime.sync.SyncRequestRouter;
import io.smallrye.common.annotation.Identifier;

/** The dispatcher of each CRM: the bean named by {@code quarkus.etlify.crm."name".dispatcher}, else the durable queue. */
@ApplicationScoped
class CrmDispatchers {

    @Inject
    EtlifyRuntimeConfig config;

    @Inject
    DurableQueueDispatcher durableQueue;

    @Inject
    SyncRequestRouter requests;

    @Inject
    @Any
    Instance<SyncDispatcher> dispatchers;

    /** The dispatcher of a CRM. */
    public SyncDispatcher of(String crm) {
        return requests.crmDispatcher(crm).orElse(durableQueue);
    }

    /** Adds a line when the CRM's dispatcher names no {@link SyncDispatcher} bean. */
    void check(String crm, List<String> problems) {
        config.crm().get(crm).dispatcher()
                .filter(identifier -> !dispatchers.select(Identifier.Literal.of(identifier)).isResolvable())
                .ifPresent(identifier -> problems.add("quarkus.etlify.crm." + crm + ".dispatcher=" + identifier
                        + " names no SyncDispatcher bean: use the @Identifier of one, or leave it unset for the"
                        + " built-in durable queue"));
    }
}
