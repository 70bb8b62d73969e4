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

/** A wrong persistence-unit and a wrong mapping are both named by the one failed build. */
class PersistenceUnitAndMappingMistakesFailBuildTest {

    @Entity
    @Etlified(crm = "salesforce", objectType = "contacts", serializer = CustomerSerializer.class)
    public static class VipCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("pu-and-mapping",
            new String[] { "unknown CRM 'salesforce'",
                    "quarkus.etlify.persistence-unit=crm-state names no persistence unit of this application" },
            VipCustomer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class)
            .overrideConfigKey("quarkus.etlify.persistence-unit", "crm-state");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
