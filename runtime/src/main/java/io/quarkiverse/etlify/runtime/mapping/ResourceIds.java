package io.quarkiverse.etlify.runtime.mapping;

import java.util.Locale;
import java.util.UUID;

/** Canonical rendering of entity ids in {@code crm_synchronisations.resource_id}. */
public final class ResourceIds {

    private ResourceIds() {
    }

    /** The canonical form of an id: decimal for integers, lower-case for UUIDs, else its string form. */
    public static String render(Object id) {
        if (id == null) {
            throw new IllegalArgumentException("The entity has no id yet: persist it before syncing it");
        }
        if (id instanceof UUID uuid) {
            return uuid.toString().toLowerCase(Locale.ROOT);
        }
        return id.toString();
    }
}
