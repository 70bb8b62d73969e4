package io.quarkiverse.etlify.runtime.onchange;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.PersistentClass;

import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;

/**
 * Adds Etlify's change listener to a persistence unit holding an entity whose mapping watches changes
 * ({@code @Etlified(syncOnChange = true)} or {@code onDelete = DELETE}); other units, and applications without such a
 * mapping, get no listener at all. Hibernate ORM finds it through {@code META-INF/services}.
 */
public class ChangeIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        ArcContainer container = Arc.container();
        if (container == null) {
            return;
        }
        InstanceHandle<MappingRegistry> registry = container.instance(MappingRegistry.class);
        if (!registry.isAvailable() || registry.get().all().stream().noneMatch(mapping -> ChangeWatches.watches(mapping)
                && metadata.getEntityBindings().stream().map(PersistentClass::getClassName)
                        .anyMatch(mapping.entityType().getName()::equals))) {
            return;
        }
        ChangeListener listener = new ChangeListener(factory);
        EventListenerRegistry listeners = factory.getServiceRegistry().requireService(EventListenerRegistry.class);
        listeners.appendListeners(EventType.POST_INSERT, listener);
        listeners.appendListeners(EventType.POST_UPDATE, listener);
        listeners.appendListeners(EventType.POST_UPSERT, listener);
        listeners.appendListeners(EventType.POST_DELETE, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_RECREATE, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_UPDATE, listener);
        listeners.appendListeners(EventType.POST_COLLECTION_REMOVE, listener);
    }
}
