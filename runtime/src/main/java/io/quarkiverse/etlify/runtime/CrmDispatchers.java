package io.quarkiverse.etlify.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.queue.DurableQueueDispatcher;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.common.annotation.Identifier;

/** The dispatcher of each CRM: the bean named by {@code quarkus.etlify.crm."name".dispatcher}, else the durable queue. */
@ApplicationScoped
public class CrmDispatchers {

    @Inject
    EtlifyRuntimeConfig config;

    @Inject
    DurableQueueDispatcher durableQueue;

    @Inject
    @Any
    Instance<SyncDispatcher> dispatchers;

    /** The dispatcher of a CRM; fails naming the property when it names no bean. */
    public SyncDispatcher of(String crm) {
        return config.crm().get(crm).dispatcher().map(identifier -> {
            Instance<SyncDispatcher> named = dispatchers.select(Identifier.Literal.of(identifier));
            if (!named.isResolvable()) {
                throw new ConfigurationException("quarkus.etlify.crm." + crm + ".dispatcher=" + identifier
                        + " names no SyncDispatcher bean: annotate yours with @Identifier(\"" + identifier + "\")");
            }
            return named.get();
        }).orElse(durableQueue);
    }
}
