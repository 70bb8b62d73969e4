package io.quarkiverse.etlify.runtime.state;

import java.util.Comparator;

/** Identifies a sync row: a record of a resource type in one CRM. Ordered by CRM, type and id, the order writers lock rows in. */
public record SyncKey(String crmName, String resourceType, String resourceId) implements Comparable<SyncKey> {

    private static final Comparator<SyncKey> ORDER = Comparator.comparing(SyncKey::crmName)
            .thenComparing(SyncKey::resourceType).thenComparing(SyncKey::resourceId);

    @Override
    public int compareTo(SyncKey other) {
        return ORDER.compare(this, other);
    }
}
