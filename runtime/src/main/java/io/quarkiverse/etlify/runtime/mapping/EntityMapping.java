package io.quarkiverse.etlify.runtime.mapping;

import java.util.List;

import io.quarkiverse.etlify.OnDelete;
import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * One {@code @Etlified} annotation as validated at build time: which entity goes to which CRM,
 * and how. Class references are names, loaded at start-up.
 */
public final class EntityMapping {

    private final String entityClass;
    private final String entityName;
    private final String crm;
    private final String objectType;
    private final String idProperty;
    private final String serializerClass;
    private final String guardClass;
    private final String dispatcherClass;
    private final String staleScope;
    private final List<String> dependencies;
    private final List<String> syncDependencies;
    private final String idAttribute;
    private final String updatedAtAttribute;
    private final boolean syncOnChange;
    private final OnDelete onDelete;

    @RecordableConstructor
    public EntityMapping(String entityClass, String entityName, String crm, String objectType, String idProperty,
            String serializerClass, String guardClass, String dispatcherClass, String staleScope,
            List<String> dependencies, List<String> syncDependencies, String idAttribute, String updatedAtAttribute,
            boolean syncOnChange, OnDelete onDelete) {
        this.entityClass = entityClass;
        this.entityName = entityName;
        this.crm = crm;
        this.objectType = objectType;
        this.idProperty = idProperty;
        this.serializerClass = serializerClass;
        this.guardClass = guardClass;
        this.dispatcherClass = dispatcherClass;
        this.staleScope = staleScope;
        this.dependencies = List.copyOf(dependencies);
        this.syncDependencies = List.copyOf(syncDependencies);
        this.idAttribute = idAttribute;
        this.updatedAtAttribute = updatedAtAttribute;
        this.syncOnChange = syncOnChange;
        this.onDelete = onDelete;
    }

    /** Fully qualified name of the class carrying the annotation. */
    public String getEntityClass() {
        return entityClass;
    }

    /** JPA entity name of that class: the {@code resource_type} of its sync rows. */
    public String getEntityName() {
        return entityName;
    }

    public String getCrm() {
        return crm;
    }

    public String getObjectType() {
        return objectType;
    }

    /** The id property, or an empty string for none. */
    public String getIdProperty() {
        return idProperty;
    }

    public String getSerializerClass() {
        return serializerClass;
    }

    /** The guard class, or an empty string for none. */
    public String getGuardClass() {
        return guardClass;
    }

    /** The dispatcher class, or an empty string for the built-in one. */
    public String getDispatcherClass() {
        return dispatcherClass;
    }

    /** SQL predicate over the {@code {e}} alias, or an empty string for none. */
    public String getStaleScope() {
        return staleScope;
    }

    public List<String> getDependencies() {
        return dependencies;
    }

    public List<String> getSyncDependencies() {
        return syncDependencies;
    }

    public String getIdAttribute() {
        return idAttribute;
    }

    public String getUpdatedAtAttribute() {
        return updatedAtAttribute;
    }

    /** Whether changes flushed through Hibernate request syncs ({@code @Etlified(syncOnChange)}). */
    public boolean isSyncOnChange() {
        return syncOnChange;
    }

    /** What deleting the entity through Hibernate does to its CRM record. */
    public OnDelete getOnDelete() {
        return onDelete;
    }

    /** The id property, {@code null} for none. */
    public String idPropertyOrNull() {
        return idProperty.isEmpty() ? null : idProperty;
    }

    @Override
    public String toString() {
        return "@Etlified(crm = \"" + crm + "\") on " + entityClass;
    }
}
