package io.quarkiverse.etlify.runtime.throttle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.UpsertOutcome;

/** Runs every call of an adapter through its CRM's guard: one permit, retries and circuit breaker per call. */
final class GuardedCrmAdapter implements CrmAdapter {

    private final CrmAdapter delegate;
    private final CrmCallGuard guard;

    GuardedCrmAdapter(CrmAdapter delegate, CrmCallGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
        return guard.call("upsert", () -> delegate.upsert(objectType, payload, idProperty, crmId));
    }

    @Override
    public void delete(String objectType, String crmId) {
        guard.call("delete", () -> {
            delegate.delete(objectType, crmId);
            return null;
        });
    }

    @Override
    public Optional<String> findCreated(String objectType, Map<String, Object> payload) {
        return guard.call("find-created", () -> delegate.findCreated(objectType, payload));
    }

    @Override
    public boolean supportsBatchUpsert() {
        return delegate.supportsBatchUpsert();
    }

    @Override
    public Map<String, UpsertOutcome> batchUpsert(String objectType, String idProperty, List<BatchUpsertInput> inputs) {
        return guard.call("batch-upsert", () -> delegate.batchUpsert(objectType, idProperty, inputs));
    }

    @Override
    public boolean supportsBatchDelete() {
        return delegate.supportsBatchDelete();
    }

    @Override
    public Map<String, CrmException> batchDelete(String objectType, List<String> crmIds) {
        return guard.call("batch-delete", () -> delegate.batchDelete(objectType, crmIds));
    }

    @Override
    public String toString() {
        return "guarded " + delegate;
    }
}
