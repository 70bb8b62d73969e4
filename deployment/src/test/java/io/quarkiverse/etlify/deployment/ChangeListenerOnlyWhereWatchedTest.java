package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application whose mappings watch no change ({@code syncOnChange} and {@code onDelete = DELETE} left out) gets no
 * Hibernate listener from Etlify at all: its writes cost nothing more than before.
 */
class ChangeListenerOnlyWhereWatchedTest {

    @Entity
    @DiscriminatorValue("vip")
    @Etlified(crm = "hubspot", objectType = "contacts", serializer = CustomerSerializer.class, dependencies = "account")
    public static class VipCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("no-change-listener", VipCustomer.class, Customer.class,
            Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class);

    @Inject
    EntityManagerFactory factory;

    @Test
    void noMappingWatchingChangesMeansNoListener() {
        EventListenerRegistry listeners = factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        for (EventType<?> type : List.of(EventType.POST_INSERT, EventType.POST_UPDATE, EventType.POST_DELETE,
                EventType.POST_COLLECTION_UPDATE)) {
            assertThat(StreamSupport.stream(listeners.getEventListenerGroup(type).listeners().spliterator(), false)
                    .map(listener -> listener.getClass().getName()))
                    .as("listeners of %s", type).noneMatch(name -> name.startsWith("io.quarkiverse.etlify"));
        }
    }
}
