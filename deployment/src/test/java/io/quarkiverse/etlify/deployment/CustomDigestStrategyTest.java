package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.DigestStrategy;
import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/** The digest strategy is a @DefaultBean: an application bean replaces it. */
class CustomDigestStrategyTest {

    @Entity
    @DiscriminatorValue("vip")
    @Etlified(crm = "hubspot", objectType = "contacts", serializer = CustomerSerializer.class)
    public static class VipCustomer extends Customer {
    }

    /** Case-insensitive digest: a change of case only is not worth a CRM call. */
    @ApplicationScoped
    public static class LowerCaseDigest implements DigestStrategy {
        @Override
        public String digest(Map<String, Object> payload) {
            return "lower:" + payload.toString().toLowerCase();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("custom-digest", VipCustomer.class, LowerCaseDigest.class,
            Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class);

    @Inject
    Etlify etlify;

    @Test
    void theApplicationsDigestIsUsed() {
        VipCustomer customer = new VipCustomer();
        customer.email = "Ada@Example.com";
        customer.modifiedAt = Instant.now();
        TestApps.persisted(customer);
        assertThat(etlify.crm("hubspot").syncNow(customer)).isEqualTo(SyncResult.SYNCED);

        QuarkusTransaction.requiringNew().run(() -> {
            VipCustomer managed = VipCustomer.findById(customer.id);
            managed.email = "ada@example.com";
        });

        assertThat(etlify.crm("hubspot").syncNow(customer)).isEqualTo(SyncResult.NOT_MODIFIED);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> CrmSynchronisation.findByResource("hubspot", "VipCustomer", customer.id.toString()).lastDigest))
                .isEqualTo("lower:{email=ada@example.com}");
    }
}
