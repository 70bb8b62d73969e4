package io.quarkiverse.etlify.runtime;

import java.util.Map;

import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.throttle.CrmCallGuard;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.sync.Deleter;
import io.quarkiverse.etlify.runtime.sync.Synchronizer;

/** Operations on an enabled CRM. */
final class EnabledCrm implements CrmOperations {

    private final CrmRuntime crm;
    private final MappingRegistry mappings;
    private final Synchronizer synchronizer;
    private final Deleter deleter;
    private final SyncDispatcher defaultDispatcher;
    private final CrmCallGuard guard;

    EnabledCrm(CrmRuntime crm, MappingRegistry mappings, Synchronizer synchronizer, Deleter deleter,
            SyncDispatcher defaultDispatcher, CrmCallGuard guard) {
        this.guard = guard;
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
}
