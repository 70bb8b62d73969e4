package io.quarkiverse.etlify.it.onchange;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

@ApplicationScoped
public class ProspectSerializer implements CrmSerializer<Prospect> {

    @Override
    public Map<String, Object> toPayload(Prospect prospect) {
        return Map.of("email", prospect.email, "firstname", prospect.firstName == null ? "" : prospect.firstName);
    }
}
