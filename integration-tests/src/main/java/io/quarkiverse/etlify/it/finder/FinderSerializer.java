package io.quarkiverse.etlify.it.finder;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

/** Serializes every entity of the stale-finder domain the same way: its type and id are enough. */
@ApplicationScoped
public class FinderSerializer implements CrmSerializer<Object> {

    @Override
    public Map<String, Object> toPayload(Object entity) {
        return Map.of("ref", entity.toString());
    }
}
