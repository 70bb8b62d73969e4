package io.quarkiverse.etlify.hubspot.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Object type names and the per-type defaults HubSpot applies.
 */
final class ObjectTypes {

    static final String CONTACTS = "contacts";
    static final String COMPANIES = "companies";
    static final String DEALS = "deals";

    static final String HS_OBJECT_ID = "hs_object_id";
    static final String CREATEDATE = "createdate";
    static final String LASTMODIFIEDDATE = "lastmodifieddate";
    static final String HS_LASTMODIFIEDDATE = "hs_lastmodifieddate";

    /** Returned on every read whatever was asked, as the brief and HubSpot's system properties require. */
    static final List<String> ALWAYS_RETURNED = List.of(HS_OBJECT_ID, CREATEDATE, LASTMODIFIEDDATE);

    /** HubSpot accepts the object type ids of the standard objects in place of their names. */
    private static final Map<String, String> ALIASES = Map.of("0-1", CONTACTS, "0-2", COMPANIES, "0-3", DEALS);

    /** What HubSpot returns on reads that do not name {@code properties}. */
    private static final Map<String, List<String>> DEFAULT_PROPERTIES = Map.of(
            CONTACTS, List.of("email", "firstname", "lastname"),
            COMPANIES, List.of("name", "domain", HS_LASTMODIFIEDDATE),
            DEALS, List.of("dealname", "amount", "closedate", "dealstage", "pipeline", HS_LASTMODIFIEDDATE));

    private static final Set<String> READ_ONLY = Set.of(HS_OBJECT_ID);

    private ObjectTypes() {
    }

    static String normalize(String objectType) {
        return ALIASES.getOrDefault(objectType, objectType);
    }

    static List<String> defaultProperties(String objectType) {
        return DEFAULT_PROPERTIES.getOrDefault(objectType, List.of(HS_LASTMODIFIEDDATE));
    }

    static boolean isReadOnly(String property) {
        return READ_ONLY.contains(property);
    }

    /** The singular, capitalized name HubSpot uses in messages such as "Contact already exists". */
    static String displayName(String objectType) {
        return switch (objectType) {
            case CONTACTS -> "Contact";
            case COMPANIES -> "Company";
            case DEALS -> "Deal";
            default -> "Object";
        };
    }

    /** The upper-case type name HubSpot uses in batch error messages ("Could not get some CONTACT objects"). */
    static String upperName(String objectType) {
        return switch (objectType) {
            case CONTACTS -> "CONTACT";
            case COMPANIES -> "COMPANY";
            case DEALS -> "DEAL";
            default -> objectType.toUpperCase(Locale.ROOT);
        };
    }
}
