package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.OnDelete;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * On H2, with a CrmAdapter bean: a mapping watching changes gets Etlify's listener; its record's insert, a change of its
 * dependency and its delete reach the adapter with no call to Etlify.
 */
class SyncOnChangeOnH2Test {

    @Entity
    @DiscriminatorValue("watched")
    @Etlified(crm = "custom", objectType = "contacts", idProperty = "email", serializer = WatchedSerializer.class,
            dependencies = "account", syncOnChange = true, onDelete = OnDelete.DELETE)
    public static class WatchedCustomer extends Customer {
    }

    @ApplicationScoped
    public static class WatchedSerializer implements CrmSerializer<WatchedCustomer> {
        @Override
        public Map<String, Object> toPayload(WatchedCustomer customer) {
            return Map.of("email", customer.email, "company", customer.account == null ? "-" : customer.account.name);
        }
    }

    @ApplicationScoped
    @Identifier("recording")
    public static class RecordingAdapter implements CrmAdapter {
        private final List<String> calls = new CopyOnWriteArrayList<>();

        List<String> calls() {
            return calls;
        }

        @Override
        public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
            calls.add("upsert " + payload.get("company"));
            return "crm-1";
        }

        @Override
        public void delete(String objectType, String crmId) {
            calls.add("delete " + crmId);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("on-change", WatchedCustomer.class, WatchedSerializer.class,
            RecordingAdapter.class, Customer.class, Account.class, Order.class, CustomerSerializer.class,
            AccountSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.custom.adapter", "recording")
            .overrideConfigKey("quarkus.etlify.crm.custom.queue.poll-interval", "200ms");

    @Inject
    EntityManagerFactory factory;

    @Inject
    @Identifier("recording")
    RecordingAdapter adapter;

    @Test
    void insertDependencyChangeAndDeleteReachTheAdapter() {
        EventListenerRegistry listeners = factory.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        assertThat(StreamSupport.stream(listeners.getEventListenerGroup(EventType.POST_INSERT).listeners().spliterator(),
                false).map(listener -> listener.getClass().getName())).anyMatch(name -> name.startsWith("io.quarkiverse"));

        Account account = TestApps.persisted(new Account());
        QuarkusTransaction.requiringNew().run(() -> Account.<Account> findById(account.id).name = "Capsens");
        WatchedCustomer customer = QuarkusTransaction.requiringNew().call(() -> {
            WatchedCustomer c = new WatchedCustomer();
            c.email = "ada@example.com";
            c.account = Account.findById(account.id);
            c.persist();
            return c;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> adapter.calls().contains("upsert Capsens"));

        QuarkusTransaction.requiringNew().run(() -> Account.<Account> findById(account.id).name = "Capsens SAS");
        await().atMost(Duration.ofSeconds(10)).until(() -> adapter.calls().contains("upsert Capsens SAS"));

        QuarkusTransaction.requiringNew().run(() -> WatchedCustomer.<WatchedCustomer> findById(customer.id).delete());
        await().atMost(Duration.ofSeconds(10)).until(() -> adapter.calls().contains("delete crm-1")
                && QuarkusTransaction.requiringNew().call(() -> CrmSynchronisation.findByResource("custom",
                        "WatchedCustomer", customer.id.toString())) == null);
        assertThat(adapter.calls()).containsExactly("upsert Capsens", "upsert Capsens SAS", "delete crm-1");
    }
}
