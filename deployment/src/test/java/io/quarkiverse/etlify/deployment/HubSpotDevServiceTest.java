package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.MappedCustomer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.test.QuarkusUnitTest;

/** A CRM on the hubspot adapter with nothing else configured syncs into a sandbox started for it. */
class HubSpotDevServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("hubspot-devservice", MappedCustomer.class, Customer.class,
            Account.class, Order.class, CustomerSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.hubspot.adapter", "hubspot")
            .setLogRecordPredicate(record -> record.getLoggerName().endsWith("EtlifyDevServicesProcessor"))
            .assertLogRecords(records -> assertThat(records).anySatisfy(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.INFO);
                assertThat(record.getMessage()).contains("sandbox for it listens at");
            }));

    @Inject
    Etlify etlify;

    @Test
    void recordReachesTheSandbox() throws Exception {
        String baseUrl = ConfigProvider.getConfig().getValue("quarkus.etlify.crm.hubspot.hubspot.base-url", String.class);
        String token = ConfigProvider.getConfig().getValue("quarkus.etlify.crm.hubspot.hubspot.access-token", String.class);
        assertThat(baseUrl).startsWith("http://127.0.0.1:");
        assertThat(token).startsWith("pat-devservice-");

        MappedCustomer customer = new MappedCustomer();
        customer.email = "ada@example.com";
        TestApps.persisted(customer);
        assertThat(etlify.crm("hubspot").syncNow(customer)).isEqualTo(SyncResult.SYNCED);

        String crmId = etlify.crm("hubspot").syncState(customer).orElseThrow().crmId();
        HttpResponse<String> contact = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(baseUrl + "/crm/v3/objects/contacts/" + crmId + "?properties=email"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(contact.statusCode()).isEqualTo(200);
        assertThat(contact.body()).contains("ada@example.com");
    }
}
