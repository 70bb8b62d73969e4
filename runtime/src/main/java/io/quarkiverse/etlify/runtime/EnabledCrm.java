package io.quarkiverse.etlify.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.RecordSyncState;
import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.sync.Deleter;
import io.quarkiverse.etlify.runtime.sync.Synchronizer;
import io.quarkiverse.etlify.runtime.throttle.CrmCallGuard;

/** Operations on an enabled CRM. */
final class EnabledCrm implements CrmOperations {

    private final CrmRuntime crm;
    private final MappingRegistry mappings;
    private final Synchronizer synchronizer;
    private final Deleter deleter;
    private final SyncDispatcher defaultDispatcher;
    private final CrmCallGuard guard;
    private final StaleRecordFinder finder;

    EnabledCrm(CrmRuntime crm, MappingRegistry mappings, Synchronizer synchronizer, Deleter deleter,
            SyncDispatcher defaultDispatcher, CrmCallGuard guard, StaleRecordFinder finder) {
        this.guard = guard;
        this.finder = finder;
        this.crm = crm;
        this.mappings = mappings;
        this.synchronizer = synchronizer;
        this.deleter = deleter;
        this.defaultDispatcher = defaultDispatcher;
    }

    @Override
    public String name() {
        return crm.name();
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public boolean sync(Object entity) {
        Mapping mapping = Mappings.forEntity(mappings, entity, crm.name());
        if (!mapping.accepts(entity)) {
            return false;
        }
        Object id = mapping.id(entity);
        SyncDispatcher custom = mapping.customDispatcher();
        (custom != null ? custom : defaultDispatcher).dispatch(
                new SyncRequest(crm.name(), mapping.entityType(), id, mapping.resourceType(), ResourceIds.render(id)));
        return true;
    }

    @Override
    public SyncResult syncNow(Object entity) {
        Mapping mapping = Mappings.forEntity(mappings, entity, crm.name());
        return synchronizer.sync(crm, mapping, mapping.id(entity), false);
    }

    @Override
    public SyncResult syncNow(Class<?> entityType, Object id) {
        return synchronizer.sync(crm, Mappings.require(mappings, entityType, crm.name()), id, false);
    }

    @Override
    public SyncResult forceSyncNow(Object entity) {
        Mapping mapping = Mappings.forEntity(mappings, entity, crm.name());
        return synchronizer.sync(crm, mapping, mapping.id(entity), true);
    }

    @Override
    public DeleteResult delete(Object entity) {
        Mapping mapping = Mappings.forEntity(mappings, entity, crm.name());
        return deleter.delete(crm, mapping, mapping.id(entity));
    }

    @Override
    public CrmState state() {
        return guard.state();
    }

    @Override
    public Map<String, Object> payload(Object entity) {
        return Mappings.forEntity(mappings, entity, crm.name()).payload(entity);
    }

    @Override
    public void pause(Duration duration, String why) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("pause duration must be positive, got " + duration);
        }
        guard.pause(Instant.now().plus(duration), why == null || why.isBlank() ? "paused by an operator" : why);
    }

    @Override
    public void resume() {
        guard.resume();
    }

    @Override
    public Optional<RecordSyncState> syncState(Object entity) {
        Mapping mapping = Mappings.forEntity(mappings, entity, crm.name());
        return SyncStates.read(crm.name(), mapping, mapping.id(entity));
    }

    @Override
    public Optional<RecordSyncState> syncState(Class<?> entityType, Object id) {
        return SyncStates.read(crm.name(), Mappings.require(mappings, entityType, crm.name()), id);
    }

    @Override
    public boolean resetErrorCount(Object entity) {
        Mapping mapping = Mappings.forEntity(mappings, entity, crm.name());
        return SyncStates.resetOne(crm.name(), mapping, mapping.id(entity));
    }

    @Override
    public long resetErrorCounts(Class<?> entityType) {
        return SyncStates.resetModel(crm.name(), Mappings.require(mappings, entityType, crm.name()));
    }

    @Override
    public long resetErrorCounts() {
        return SyncStates.resetCrm(crm.name());
    }

    @Override
    public long countStale(Class<?> entityType) {
        return finder.count(Mappings.require(mappings, entityType, crm.name()), crm.maxSyncErrors());
    }
}
