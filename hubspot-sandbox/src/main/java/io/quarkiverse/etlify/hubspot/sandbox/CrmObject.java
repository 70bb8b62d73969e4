package io.quarkiverse.etlify.hubspot.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable snapshot of a stored CRM object, as handed out to tests for assertions.
 *
 * @param objectType the normalized object type, e.g. {@code contacts} or {@code p123_subscription}
 * @param id the numeric object id (also the {@code hs_object_id} property)
 * @param properties all stored property values, including the system ones
 * @param createdAt when the object was created
 * @param updatedAt when the object was last modified
 * @param archivedAt when the object was archived, {@code null} while it is active
 */
public record CrmObject(String objectType, String id, Map<String, String> properties, Instant createdAt,
        Instant updatedAt, Instant archivedAt) {

    public CrmObject {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(id, "id");
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** The value of one property, {@code null} when it is not set. */
    public String property(String name) {
        return properties.get(name);
    }

    /** Whether the object was archived (deleted). */
    public boolean archived() {
        return archivedAt != null;
    }
}
