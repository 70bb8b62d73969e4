package io.quarkiverse.etlify.runtime;

import java.util.Optional;

import io.quarkiverse.etlify.RecordSyncState;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.ResourceIds;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads and resets records' sync rows for {@link io.quarkiverse.etlify.CrmOperations}, in the caller's transaction or a new one. */
final class SyncStates {

    private SyncStates() {
    }

    static Optional<RecordSyncState> read(String crmName, Mapping mapping, Object id) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional
                .ofNullable(CrmSynchronisation.findByResource(crmName, mapping.resourceType(), ResourceIds.render(id)))
                .map(CrmSynchronisation::toSyncState));
    }

    static boolean resetOne(String crmName, Mapping mapping, Object id) {
        return QuarkusTransaction.joiningExisting().call(() -> CrmSynchronisation.resetErrorCounts(crmName,
                mapping.resourceType(), ResourceIds.render(id))) > 0;
    }

    static long resetModel(String crmName, Mapping mapping) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> CrmSynchronisation.resetErrorCounts(crmName, mapping.resourceType()));
    }

    static long resetCrm(String crmName) {
        return QuarkusTransaction.joiningExisting().call(() -> CrmSynchronisation.resetErrorCounts(crmName));
    }
}
