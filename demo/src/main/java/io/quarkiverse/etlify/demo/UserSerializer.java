package io.quarkiverse.etlify.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

@ApplicationScoped
public class UserSerializer implements CrmSerializer<User> {

    @Override
    public Map<String, Object> toPayload(User user) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", user.email);
        payload.put("firstname", user.firstName);
        payload.put("lastname", user.lastName);
        payload.put("company", user.company == null ? null : user.company.name);
        payload.put("total_invested", totalInvested(user));
        return payload;
    }

    static BigDecimal totalInvested(User user) {
        return user.investments.stream().map(investment -> investment.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
