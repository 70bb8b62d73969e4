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
 * The Airtable adapter needs a token, a base id, an http(s) base URL and positive timeouts, and the table and
 * field ids a mapping names must be well-formed.
 */
class InvalidAirtableConfigFailsStartTest {

    @Entity
    @DiscriminatorValue("airtable")
    @Etlified(crm = "airtable", objectType = "tblTooShort", idProperty = "fldTooShort", serializer = CustomerSerializer.class)
    public static class AirtableCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("airtable-config", new String[] {
            "quarkus.etlify.crm.airtable.airtable.access-token must be set",
            "quarkus.etlify.crm.airtable.airtable.base-id must be the id of the CRM's base: app followed by 14 letters or"
                    + " digits, as in https://airtable.com/appXXXXXXXXXXXXXX/..., got appShort",
            "quarkus.etlify.crm.airtable.airtable.base-url must be an http(s) URL such as https://api.airtable.com, got"
                    + " api.airtable.com",
            "quarkus.etlify.crm.airtable.airtable.connect-timeout must be positive, got PT0S",
            AirtableCustomer.class.getName() + " is mapped to Airtable CRM airtable with objectType \"tblTooShort\","
                    + " which is no table id",
            AirtableCustomer.class.getName() + " is mapped to Airtable CRM airtable with idProperty \"fldTooShort\","
                    + " which is no field id" },
            AirtableCustomer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.airtable.adapter", "airtable")
            .overrideConfigKey("quarkus.etlify.crm.airtable.airtable.base-id", "appShort")
            .overrideConfigKey("quarkus.etlify.crm.airtable.airtable.base-url", "api.airtable.com")
            .overrideConfigKey("quarkus.etlify.crm.airtable.airtable.connect-timeout", "0s");

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
