package io.quarkiverse.etlify.hubspot.sandbox;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which properties hold unique values per object type ({@code idProperty} candidates and 409 sources).
 * Built in: {@code hs_object_id} for every type and {@code email} (case-insensitive) for contacts.
 */
final class UniqueProperties {

    private final Map<String, Set<String>> byType = new HashMap<>();
    private final Set<String> caseInsensitive = new LinkedHashSet<>();

    UniqueProperties() {
        add(ObjectTypes.CONTACTS, "email", true);
    }

    void add(String objectType, String property, boolean ignoreCase) {
        String type = ObjectTypes.normalize(objectType);
        byType.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(property);
        if (ignoreCase) {
            caseInsensitive.add(type + "\u0000" + property);
        }
    }

    UniqueProperties copy() {
        UniqueProperties copy = new UniqueProperties();
        byType.forEach((type, props) -> copy.byType.computeIfAbsent(type, t -> new LinkedHashSet<>()).addAll(props));
        copy.caseInsensitive.addAll(caseInsensitive);
        return copy;
    }

    boolean isUnique(String objectType, String property) {
        return ObjectTypes.HS_OBJECT_ID.equals(property) || valueProperties(objectType).contains(property);
    }

    /** The unique properties whose values the store indexes (everything but {@code hs_object_id}). */
    Set<String> valueProperties(String objectType) {
        return byType.getOrDefault(objectType, Set.of());
    }

    /** The form a value is compared in: HubSpot matches e-mail addresses regardless of case. */
    String normalize(String objectType, String property, String value) {
        if (value == null) {
            return null;
        }
        return caseInsensitive.contains(objectType + "\u0000" + property) ? value.toLowerCase(Locale.ROOT) : value;
    }
}
