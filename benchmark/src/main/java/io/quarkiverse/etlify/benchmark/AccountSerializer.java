package io.quarkiverse.etlify.benchmark;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

/** The payload of the accounts of (h) and (i): e-mail, name and the total of their holdings. */
@ApplicationScoped
public class AccountSerializer implements CrmSerializer<AccountBase> {

    @Override
    public Map<String, Object> toPayload(AccountBase account) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("email", account.email);
        payload.put("firstname", account.name);
        payload.put("total_invested", account.holdings().stream().map(holding -> holding.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
        return payload;
    }
}
