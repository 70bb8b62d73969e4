package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.test.QuarkusUnitTest;

/**
 * HubSpot upserts only by properties it holds as unique: companies by {@code domain} and contacts by
 * {@code id} (the seed's {@code id_property: :id}) fail start, naming entity, type, property and fix.
 */
class NonUniqueIdPropertyFailsStartTest {

    @Entity
    @DiscriminatorValue("by-domain")
    @Etlified(crm = "hubspot", objectType = "companies", idProperty = "domain", serializer = CustomerSerializer.class)
    public static class CompanyByDomain extends Customer {
    }

    @Entity
    @DiscriminatorValue("by-id")
    @Etlified(crm = "hubspot", objectType = "contacts", idProperty = "id", serializer = CustomerSerializer.class)
    public static class ContactById extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("non-unique", new String[] {
            CompanyByDomain.class.getName() + " is mapped to HubSpot object type companies of CRM hubspot with idProperty \"domain\"",
            "quarkus.etlify.crm.hubspot.hubspot.unique-properties.companies=domain",
            ContactById.class.getName() + " is mapped to HubSpot object type contacts of CRM hubspot with idProperty \"id\"",
            "quarkus.etlify.crm.hubspot.hubspot.unique-properties.contacts=id" },
            CompanyByDomain.class, ContactById.class, Customer.class, Account.class, Order.class, CustomerSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "hubspot")
            .overrideConfigKey("quarkus.etlify.crm.hubspot.hubspot.access-token", "pat-na1-test");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
