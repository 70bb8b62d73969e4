package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.deployment.otherunit.Ticket;
import io.quarkiverse.etlify.deployment.otherunit.TicketSerializer;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code syncOnChange} on an entity whose persistence unit is on another datasource than Etlify's state fails the
 * build: its requests could not be written in the transaction changing it.
 */
class SyncOnChangeOnAnotherDataSourceFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("on-change-other-datasource",
            new String[] { "@Etlified(crm = \"hubspot\", syncOnChange = true) on "
                    + "io.quarkiverse.etlify.deployment.otherunit.Ticket: the entity belongs to persistence unit tickets"
                    + " (datasource tickets), Etlify's state to <default> (datasource <default>)",
                    "cannot span two datasources" },
            Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class, Ticket.class,
            TicketSerializer.class)
            .overrideConfigKey("quarkus.hibernate-orm.packages", "io.quarkiverse.etlify.deployment.model")
            .overrideConfigKey("quarkus.datasource.tickets.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.tickets.jdbc.url", "jdbc:h2:mem:tickets;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.hibernate-orm.tickets.datasource", "tickets")
            .overrideConfigKey("quarkus.hibernate-orm.tickets.packages", "io.quarkiverse.etlify.deployment.otherunit");

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
