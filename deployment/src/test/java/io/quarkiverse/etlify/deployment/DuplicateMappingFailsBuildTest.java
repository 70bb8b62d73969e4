package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.test.QuarkusUnitTest;

/** Two mappings of one entity for the same CRM. */
class DuplicateMappingFailsBuildTest {

    @Entity
    @Etlified(crm = "hubspot", objectType = "contacts", serializer = CustomerSerializer.class)
    @Etlified(crm = "hubspot", objectType = "leads", serializer = CustomerSerializer.class)
    public static class VipCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("duplicate",
            new String[] { "has two @Etlified mappings for CRM 'hubspot'" },
            VipCustomer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class);

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
