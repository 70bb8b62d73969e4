package io.quarkiverse.etlify.runtime.hubspot;

import java.util.Locale;
import java.util.Map;

/** HubSpot's standard object types, which also have numeric ids ({@code 0-1} is {@code contacts}). */
final class ObjectTypes {

    private static final Map<String, String> BY_ID = Map.of("0-1", "contacts", "0-2", "companies", "0-3", "deals",
            "0-5", "tickets");

    private ObjectTypes() {
    }

    /** The object type's name, whether given by name or by its standard id; custom types as given, lower case. */
    static String canonical(String objectType) {
        String type = objectType.trim().toLowerCase(Locale.ROOT);
        return BY_ID.getOrDefault(type, type);
    }

    static boolean isContacts(String objectType) {
        return "contacts".equals(canonical(objectType));
    }
}
