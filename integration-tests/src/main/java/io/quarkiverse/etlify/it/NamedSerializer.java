package io.quarkiverse.etlify.it;

import java.util.HashMap;
import java.util.Map;

import io.quarkiverse.etlify.CrmSerializer;

/** A generic base serializer: the build resolves its entity type through the class hierarchy. */
public abstract class NamedSerializer<T> implements CrmSerializer<T> {

    @Override
    public Map<String, Object> toPayload(T entity) {
        Map<String, Object> payload = new HashMap<>(details(entity));
        payload.put("name", nameOf(entity));
        return payload;
    }

    protected abstract String nameOf(T entity);

    protected abstract Map<String, Object> details(T entity);
}
