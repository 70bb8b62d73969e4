package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AirtableCustomer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.test.QuarkusUnitTest;

/** A CRM on the airtable adapter with nothing else configured syncs into an Airtable sandbox started for it. */
class AirtableDevServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("airtable-devservice", AirtableCustomer.class, Customer.class,
            Account.class, Order.class, CustomerSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.airtable.adapter", "airtable")
            .setLogRecordPredicate(record -> record.getLoggerName().endsWith("EtlifyDevServicesProcessor"))
            .assertLogRecords(records -> assertThat(records).anySatisfy(record -> assertThat(record.getMessage())
                    .contains("sandbox for it listens at")));

    @Inject
    Etlify etlify;

    @Test
    void recordReachesTheSandbox() {
        var config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.etlify.crm.airtable.airtable.base-url", String.class))
                .startsWith("http://127.0.0.1:");
        assertThat(config.getValue("quarkus.etlify.crm.airtable.airtable.base-id", String.class)).matches("app\\w{14}");

        AirtableCustomer customer = new AirtableCustomer();
        customer.email = "ada@example.com";
        TestApps.persisted(customer);

        assertThat(etlify.crm("airtable").syncNow(customer)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("airtable").syncState(customer).orElseThrow().crmId()).as("an Airtable record id")
                .matches("rec\\w{14}");
        assertThat(etlify.crm("airtable").syncNow(customer)).isEqualTo(SyncResult.NOT_MODIFIED);
    }
}
