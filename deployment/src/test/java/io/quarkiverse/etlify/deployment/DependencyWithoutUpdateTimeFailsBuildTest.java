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

/** A dependency whose entity has no update time could never make its owner stale. */
class DependencyWithoutUpdateTimeFailsBuildTest {

    @Entity
    @Etlified(crm = "hubspot", objectType = "contacts", serializer = CustomerSerializer.class, dependencies = "orders")
    public static class VipCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("dependency-no-update-time",
            new String[] { "dependency 'orders' leads to " + Order.class.getName() + ", which has no update-time attribute" },
            VipCustomer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class);

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
