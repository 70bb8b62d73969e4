package io.quarkiverse.etlify.it.onchange;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

@ApplicationScoped
public class ReferralSerializer implements CrmSerializer<Referral> {

    @Override
    public Map<String, Object> toPayload(Referral referral) {
        return Map.of("note", referral.note == null ? "" : referral.note,
                "investor", referral.investor == null ? "" : referral.investor.email);
    }
}
