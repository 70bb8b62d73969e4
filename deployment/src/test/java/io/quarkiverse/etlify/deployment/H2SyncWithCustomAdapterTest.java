package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.EtlifyMigrations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/** On H2: Etlify's H2 migrations, its H2 SQL, and a CrmAdapter bean plugged by name. */
class H2SyncWithCustomAdapterTest {

    @Entity
    @DiscriminatorValue("vip")
    @Etlified(crm = "custom", objectType = "contacts", idProperty = "email", serializer = CustomerSerializer.class)
    public static class VipCustomer extends Customer {
    }

    @ApplicationScoped
    @Identifier("recording")
    public static class RecordingAdapter implements CrmAdapter {
        private final List<String> calls = new CopyOnWriteArrayList<>();
        private volatile boolean reject;

        List<String> calls() {
            return calls;
        }

        void reject(boolean reject) {
            this.reject = reject;
        }

        @Override
        public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
            calls.add("upsert " + objectType + " " + payload + " " + crmId);
            if (reject) {
                throw new CrmValidationException("Property values were not valid", 400, "VALIDATION_ERROR", "c-1", null);
            }
            return crmId != null ? crmId : "crm-1";
        }

        @Override
        public void delete(String objectType, String crmId) {
            calls.add("delete " + objectType + " " + crmId);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("h2-sync", VipCustomer.class, RecordingAdapter.class,
            Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.custom.adapter", "recording");

    @Inject
    Etlify etlify;

    @Inject
    EntityManager em;

    @Inject
    @Identifier("recording")
    RecordingAdapter adapter;

    @Test
    void syncsFailsRecoversAndDeletesOnH2() {
        List<?> history = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT \"script\" FROM \"etlify_schema_history\" WHERE \"success\" AND \"type\" = 'SQL'"
                        + " ORDER BY \"installed_rank\"").getResultList());
        assertThat(history).map(String::valueOf).containsExactlyElementsOf(EtlifyMigrations.SCRIPTS);

        VipCustomer customer = new VipCustomer();
        customer.email = "ada@example.com";
        customer.modifiedAt = Instant.parse("2026-01-01T00:00:00Z");
        TestApps.persisted(customer);

        assertThat(etlify.crm("custom").syncNow(customer)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("custom").syncNow(customer)).isEqualTo(SyncResult.NOT_MODIFIED);
        assertThat(adapter.calls()).containsExactly("upsert contacts {email=ada@example.com} null");

        adapter.reject(true);
        assertThat(etlify.crm("custom").forceSyncNow(customer)).isEqualTo(SyncResult.ERROR);
        assertThat(etlify.crm("custom").forceSyncNow(customer)).isEqualTo(SyncResult.ERROR);
        CrmSynchronisation failed = row(customer);
        assertThat(failed.errorCount).isEqualTo(2);
        assertThat(failed.lastError).contains("CrmValidationException", "VALIDATION_ERROR", "c-1");
        assertThat(failed.crmId).isEqualTo("crm-1");

        adapter.reject(false);
        assertThat(etlify.crm("custom").forceSyncNow(customer)).isEqualTo(SyncResult.SYNCED);
        assertThat(row(customer).errorCount).isZero();

        assertThat(etlify.crm("custom").delete(customer)).isEqualTo(DeleteResult.DELETED);
        assertThat(adapter.calls()).last().isEqualTo("delete contacts crm-1");
        assertThat(row(customer).crmId).isNull();
    }

    private static CrmSynchronisation row(VipCustomer customer) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CrmSynchronisation.findByResource("custom", "VipCustomer", customer.id.toString()));
    }
}
