package io.quarkiverse.etlify.benchmark;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

/**
 * The contact's payload: its own columns and its company's name. Investments and tags make the user stale (they are
 * {@code dependencies}) without being part of the payload, so a batch sync does not load them for every user.
 */
@ApplicationScoped
public class BenchUserSerializer implements CrmSerializer<BenchUser> {

    @Override
    public Map<String, Object> toPayload(BenchUser user) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("email", user.email);
        payload.put("firstname", user.firstName);
        payload.put("lastname", user.lastName);
        payload.put("company", user.company == null ? null : user.company.name);
        return payload;
    }
}
