package org.acme.onchange;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

@ApplicationScoped
public class CustomerSerializer implements CrmSerializer<Customer> {

    @Override
    public Map<String, Object> toPayload(Customer customer) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("email", customer.email);
        payload.put("total_spent", customer.purchases.stream().map(purchase -> purchase.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        return payload;
    }
}
