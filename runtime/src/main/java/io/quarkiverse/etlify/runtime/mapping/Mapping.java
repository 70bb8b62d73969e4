package io.quarkiverse.etlify.runtime.mapping;

import java.util.Map;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncGuard;
import io.quarkus.arc.Arc;

/** A mapping ready to use: classes loaded, beans resolved on first use. */
public final class Mapping {

    private final EntityMapping definition;
    private final Class<?> entityType;
    private volatile CrmSerializer<Object> serializer;
    private volatile SyncGuard<Object> guard;
    private volatile Class<?> idType;

    Mapping(EntityMapping definition, Class<?> entityType) {
        this.definition = definition;
        this.entityType = entityType;
    }

    public EntityMapping definition() {
        return definition;
    }

    public String crm() {
        return definition.getCrm();
    }

    public Class<?> entityType() {
        return entityType;
    }

    /** The {@code resource_type} of this mapping's sync rows. */
    public String resourceType() {
        return definition.getEntityName();
    }

    public String objectType() {
        return definition.getObjectType();
    }

    public String idProperty() {
        return definition.idPropertyOrNull();
    }

    /** The entity's id, as the entity holds it. */
    public Object id(Object entity) {
        Object id = EntityAccess.id(entity, definition.getIdAttribute());
        if (id == null) {
            throw new IllegalArgumentException(
                    "The " + resourceType() + " has no id yet: persist it before syncing it");
        }
        return id;
    }

    /**
     * Parses a {@code resource_id} back into the entity's id type (the reverse of
     * {@link ResourceIds#render(Object)}).
     */
    public Object parseId(String resourceId) {
        Class<?> idType = idType();
        if (idType == Long.class || idType == long.class) {
            return Long.valueOf(resourceId);
        }
        if (idType == Integer.class || idType == int.class) {
            return Integer.valueOf(resourceId);
        }
        if (idType == java.util.UUID.class) {
            return java.util.UUID.fromString(resourceId);
        }
        if (idType == String.class) {
            return resourceId;
        }
        throw new IllegalStateException(entityType.getName() + " has an id of type " + idType.getName()
                + ", which Etlify cannot read back from resource_id");
    }

    private Class<?> idType() {
        Class<?> type = idType;
        if (type == null) {
            idType = type = EntityAccess.attributeType(entityType, definition.getIdAttribute());
        }
        return type;
    }

    /**
     * The payload built by the mapping's serializer.
     *
     * @throws RecordException when the serializer throws
     */
    public Map<String, Object> payload(Object entity) {
        CrmSerializer<Object> serializer = serializer();
        Map<String, Object> payload;
        try {
            payload = serializer.toPayload(entity);
        } catch (RuntimeException e) {
            throw new RecordException("Serializer", definition.getSerializerClass(), describe(entity), e);
        }
        if (payload == null) {
            throw new IllegalStateException(definition.getSerializerClass() + " returned no payload");
        }
        return payload;
    }

    /**
     * Whether the guard lets the record through.
     *
     * @throws RecordException when the guard throws
     */
    public boolean accepts(Object entity) {
        if (definition.getGuardClass().isEmpty()) {
            return true;
        }
        SyncGuard<Object> guard = guard();
        try {
            return guard.shouldSync(entity);
        } catch (RuntimeException e) {
            throw new RecordException("Guard (syncIf)", definition.getGuardClass(), describe(entity), e);
        }
    }

    /** The record as the sync row names it, e.g. {@code User 42}. */
    private String describe(Object entity) {
        Object id;
        try {
            id = EntityAccess.id(entity, definition.getIdAttribute());
        } catch (RuntimeException e) {
            id = null;
        }
        return resourceType() + " " + (id == null ? "(no id)" : ResourceIds.render(id));
    }

    /** The dispatcher bean named by the mapping, or {@code null} for the CRM's built-in one. */
    public SyncDispatcher customDispatcher() {
        return definition.getDispatcherClass().isEmpty() ? null : bean(definition.getDispatcherClass());
    }

    private CrmSerializer<Object> serializer() {
        CrmSerializer<Object> s = serializer;
        if (s == null) {
            serializer = s = bean(definition.getSerializerClass());
        }
        return s;
    }

    private SyncGuard<Object> guard() {
        SyncGuard<Object> g = guard;
        if (g == null) {
            guard = g = bean(definition.getGuardClass());
        }
        return g;
    }

    @SuppressWarnings("unchecked")
    private static <T> T bean(String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            return (T) Arc.container().instance(type).get();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return definition.toString();
    }
}
