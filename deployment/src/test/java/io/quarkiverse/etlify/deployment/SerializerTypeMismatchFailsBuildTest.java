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

/** A serializer written for another entity. */
class SerializerTypeMismatchFailsBuildTest {

    @Entity
    @Etlified(crm = "hubspot", objectType = "contacts", serializer = AccountSerializer.class)
    public static class VipCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("serializer-mismatch",
            new String[] { "VipCustomer", "serializer " + AccountSerializer.class.getName() + " handles " + Account.class.getName() },
            VipCustomer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class);

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
