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

/** A dependency path naming an attribute the entity does not have. */
class UnknownDependencyFailsBuildTest {

    @Entity
    @Etlified(crm = "hubspot", objectType = "contacts", serializer = CustomerSerializer.class,
            dependencies = { "account", "orders.invoice" }, syncDependencies = "acount")
    public static class VipCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("unknown-dependency",
            new String[] { "VipCustomer", "dependencies path 'orders.invoice' is unknown", "has no attribute 'invoice'", "syncDependencies path 'acount' is unknown" },
            VipCustomer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class);

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
