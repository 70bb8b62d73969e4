package io.quarkiverse.etlify.it.onchange;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

/** Every dependency of an investor shows in its payload, so that each change is seen at the CRM. */
@ApplicationScoped
public class InvestorSerializer implements CrmSerializer<Investor> {

    static final String NONE = "none";

    @Override
    public Map<String, Object> toPayload(Investor investor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", investor.email);
        payload.put("firstname", investor.firstName);
        payload.put("company", investor.club == null ? NONE : investor.club.name);
        payload.put("total_invested", investor.pledges.stream().map(pledge -> pledge.amount).reduce(BigDecimal.ZERO,
                BigDecimal::add).stripTrailingZeros().toPlainString());
        payload.put("pools", joined(investor.pledges.stream().map(pledge -> pledge.pool == null ? NONE : pledge.pool.name)
                .toList()));
        payload.put("labels", joined(investor.labels.stream().map(label -> label.name).toList()));
        payload.put("nicknames", joined(investor.nicknames));
        payload.put("card", investor.card == null ? NONE : investor.card.level);
        return payload;
    }

    /** Sorted, without duplicates, {@code none} when empty (HubSpot keeps no empty value). */
    private static String joined(Collection<String> values) {
        return values.isEmpty() ? NONE : String.join(",", new TreeSet<>(values));
    }
}
