package io.quarkiverse.etlify.deployment.model;

import java.util.Map;

import io.quarkiverse.etlify.CrmSerializer;

public class CustomerSerializer implements CrmSerializer<Customer> {

    @Override
    public Map<String, Object> toPayload(Customer customer) {
        return Map.of("email", customer.email);
    }
}
