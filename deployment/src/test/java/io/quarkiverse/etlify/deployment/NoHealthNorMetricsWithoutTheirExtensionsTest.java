package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.health.HealthBeans;
import io.quarkiverse.etlify.runtime.metrics.EtlifyMetrics;
import io.quarkiverse.etlify.runtime.metrics.MetricsBeans;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.QuarkusUnitTest;

/** An application without SmallRye Health and Micrometer builds, syncs, and gets neither checks nor meters. */
class NoHealthNorMetricsWithoutTheirExtensionsTest {

    @Entity
    @DiscriminatorValue("plain")
    @Etlified(crm = "hubspot", objectType = "contacts", serializer = CustomerSerializer.class)
    public static class PlainCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("no-observability", PlainCustomer.class, Customer.class, Account.class, Order.class,
            CustomerSerializer.class, AccountSerializer.class);

    @Inject
    Etlify etlify;

    @Inject
    EtlifyMetrics metrics;

    @Test
    void syncsWithTheNoOpRecorderAndNoHealthCheck() {
        PlainCustomer customer = new PlainCustomer();
        customer.email = "ada@example.com";
        customer.modifiedAt = Instant.now();
        TestApps.persisted(customer);

        assertThat(etlify.crm("hubspot").syncNow(customer)).isEqualTo(SyncResult.SYNCED);

        assertThat(ClientProxy.unwrap(metrics).getClass().getName()).isEqualTo(MetricsBeans.DEFAULT);
        assertThat(Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE))
                .extracting(bean -> bean.getBeanClass().getName())
                .doesNotContain(MetricsBeans.MICROMETER, HealthBeans.CRM_CHECKS, HealthBeans.TABLES_CHECK);
    }
}
