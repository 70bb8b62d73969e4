package io.quarkiverse.etlify.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.RecordSyncState;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
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

    @Override
    public void pause(Duration duration, String why) {
        // nothing is sent anyway
    }

    @Override
    public void resume() {
        // nothing is held
    }

    @Override
    public Optional<RecordSyncState> syncState(Object entity) {
        Mapping mapping = Mappings.forEntity(mappings, entity, name);
        return SyncStates.read(name, mapping, mapping.id(entity));
    }

    @Override
    public Optional<RecordSyncState> syncState(Class<?> entityType, Object id) {
        return SyncStates.read(name, Mappings.require(mappings, entityType, name), id);
    }

    @Override
    public boolean resetErrorCount(Object entity) {
        Mappings.forEntity(mappings, entity, name);
        return false;
    }

    @Override
    public long resetErrorCounts(Class<?> entityType) {
        Mappings.require(mappings, entityType, name);
        return 0;
    }

    @Override
    public long resetErrorCounts() {
        return 0;
    }

    @Override
    public long countStale(Class<?> entityType) {
        Mappings.require(mappings, entityType, name);
        return 0;
    }
}
