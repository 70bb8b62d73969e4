package io.quarkiverse.etlify.runtime;

import java.util.Map;

import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;

/**
 * Operations on a disabled CRM: no adapter call, no sync row written, the gem's return values
 * ({@code sync} true, {@code syncNow} DISABLED, {@code delete} DISABLED).
 */
final class DisabledCrm implements CrmOperations {

    private final String name;
    private final MappingRegistry mappings;

    DisabledCrm(String name, MappingRegistry mappings) {
        this.name = name;
        this.mappings = mappings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isEnabled() {
        return false;
    }

    @Override
    public boolean sync(Object entity) {
        Mappings.forEntity(mappings, entity, name);
        return true;
    }

    @Override
    public SyncResult syncNow(Object entity) {
        Mappings.forEntity(mappings, entity, name);
        return SyncResult.DISABLED;
    }

    @Override
    public SyncResult syncNow(Class<?> entityType, Object id) {
        Mappings.require(mappings, entityType, name);
        return SyncResult.DISABLED;
    }

    @Override
    public SyncResult forceSyncNow(Object entity) {
        return syncNow(entity);
    }

    @Override
    public DeleteResult delete(Object entity) {
        Mappings.forEntity(mappings, entity, name);
        return DeleteResult.DISABLED;
    }

    @Override
    public CrmState state() {
        return new CrmState(CrmState.Condition.DISABLED, null, null, null);
    }

    @Override
    public Map<String, Object> payload(Object entity) {
        return Mappings.forEntity(mappings, entity, name).payload(entity);
    }
}
