package io.quarkiverse.etlify.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.acme.onchange.Customer;
import org.acme.onchange.Purchase;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** README's and the sync-on-change page's {@code Customer}: its changes and its delete reach the CRM with no call. */
@QuarkusTest
class SyncOnChangeExampleTest {

    @Inject
    InMemoryCrms crms;

    @Test
    void changesOfTheCustomerAndOfItsPurchasesReachTheCrmAndItsDeleteDeletesTheContact() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Customer customer = new Customer();
            customer.email = "lin@example.com";
            customer.persist();
            return customer.id;
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(contact()).hasValueSatisfying(
                        contact -> assertThat(contact).containsEntry("total_spent", BigDecimal.ZERO)));

        QuarkusTransaction.requiringNew().run(() -> {
            Purchase purchase = new Purchase();
            purchase.customer = Customer.findById(id);
            purchase.amount = new BigDecimal("42.50");
            purchase.persist();
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(contact()).hasValueSatisfying(
                        contact -> assertThat(contact).containsEntry("total_spent", new BigDecimal("42.50"))));

        QuarkusTransaction.requiringNew().run(() -> {
            Purchase.delete("customer.id", id);
            Customer.deleteById(id);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> contact().isEmpty());
    }

    private Optional<Map<String, Object>> contact() {
        return crms.get("hubspot").objects("contacts").values().stream()
                .filter(contact -> "lin@example.com".equals(contact.get("email"))).findFirst();
    }
}
