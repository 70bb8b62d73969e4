package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkiverse.etlify.CrmSerializer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.test.QuarkusUnitTest;

/** Composite ids (@IdClass) are rejected. */
class IdClassFailsBuildTest {

    public static class LineId implements Serializable {
        public long orderId;
        public int line;
    }

    @Entity
    @IdClass(LineId.class)
    @Etlified(crm = "hubspot", objectType = "line_items", serializer = LineSerializer.class)
    public static class OrderLine {
        @Id
        public long orderId;
        @Id
        public int line;
        public Instant updatedAt;
    }

    public static class LineSerializer implements CrmSerializer<OrderLine> {
        @Override
        public Map<String, Object> toPayload(OrderLine line) {
            return Map.of();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("id-class",
            new String[] { "OrderLine", "composite ids (@IdClass on" },
            LineId.class, OrderLine.class, LineSerializer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class);

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
