package io.quarkiverse.etlify.runtime.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.runtime.crm.CrmRuntime;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.state.Holders;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncRow;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Deletes one record from one CRM, inline, holding the record's claim as a sync does. */
@ApplicationScoped
public class Deleter {

    @Inject
    SyncStateStore store;

    @Inject
    RecordClaims claims;

    /**
     * Deletes the CRM record when its CRM id is known. A CRM that no longer knows the record counts
     * as deleted; any other refusal is thrown as a {@link io.quarkiverse.etlify.adapter.CrmException}.
     */
    public DeleteResult delete(CrmRuntime crm, Mapping mapping, Object id) {
        Transactions.requireNone("delete");
        SyncKey key = new SyncKey(crm.name(), mapping.resourceType(), ResourceIds.render(id));
        String owner = Holders.unique("delete");
        SyncRow row = claims.whenClaimed(crm, key, owner, () -> store.find(key));
        try {
            if (row == null || row.crmId() == null) {
                return DeleteResult.NOOP;
            }
            try {
                crm.adapter().delete(mapping.objectType(), row.crmId());
            } catch (CrmNotFoundException alreadyGone) {
                // the CRM record is gone either way
            }
            QuarkusTransaction.requiringNew().run(() -> store.forgetCrmId(key));
            return DeleteResult.DELETED;
        } finally {
            QuarkusTransaction.requiringNew().run(() -> claims.release(key, owner));
        }
    }
}
