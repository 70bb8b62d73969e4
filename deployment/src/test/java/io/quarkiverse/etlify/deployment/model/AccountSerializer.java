package io.quarkiverse.etlify.deployment.model;

import java.util.Map;

import io.quarkiverse.etlify.CrmSerializer;

public class AccountSerializer implements CrmSerializer<Account> {

    @Override
    public Map<String, Object> toPayload(Account account) {
        return Map.of("name", account.name);
    }
}
