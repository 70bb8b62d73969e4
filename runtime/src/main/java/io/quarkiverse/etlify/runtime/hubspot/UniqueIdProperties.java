package io.quarkiverse.etlify.runtime.hubspot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.etlify.runtime.mapping.Mapping;

/**
 * The properties HubSpot accepts as {@code idProperty} of an upsert, per object type: its own
 * {@code hs_object_id}, contacts' {@code email}, and the unique-value properties declared with
 * {@code quarkus.etlify.crm."name".hubspot.unique-properties."object-type"}. Any other id property
 * would make HubSpot refuse the upsert; searching instead would race and create duplicates, so it
 * is a configuration error.
 */
final class UniqueIdProperties {

    static final String HS_OBJECT_ID = "hs_object_id";

    private final Map<String, Set<String>> declared = new HashMap<>();

    UniqueIdProperties(Map<String, List<String>> declared) {
        declared.forEach((type, properties) -> this.declared
                .computeIfAbsent(ObjectTypes.canonical(type), t -> new HashSet<>()).addAll(trimmed(properties)));
    }

    boolean isUnique(String objectType, String property) {
        if (HS_OBJECT_ID.equals(property)) {
            return true;
        }
        if (ObjectTypes.isContacts(objectType) && PropertyValues.EMAIL.equals(property)) {
            return true;
        }
        return declared.getOrDefault(ObjectTypes.canonical(objectType), Set.of()).contains(property);
    }

    /** One line per mapping of the CRM whose id property HubSpot does not hold as unique values. */
    List<String> problems(String crmName, List<Mapping> mappings) {
        List<String> problems = new ArrayList<>();
        for (Mapping mapping : mappings) {
            String idProperty = mapping.idProperty();
            if (!mapping.crm().equals(crmName) || idProperty == null || isUnique(mapping.objectType(), idProperty)) {
                continue;
            }
            problems.add(mapping.entityType().getName() + " is mapped to HubSpot object type " + mapping.objectType()
                    + " of CRM " + crmName + " with idProperty \"" + idProperty + "\", which HubSpot does not know as"
                    + " unique, so it cannot upsert by it (and searching first would race and create duplicates)."
                    + " If " + idProperty + " is a property with \"Require unique values\" in HubSpot, declare it: "
                    + "quarkus.etlify.crm." + crmName + ".hubspot.unique-properties." + mapping.objectType() + "="
                    + idProperty + "; otherwise use hs_object_id, email (contacts), or no idProperty (records are"
                    + " then created once and updated by their HubSpot id)");
        }
        return problems;
    }

    private static List<String> trimmed(List<String> properties) {
        return properties.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
}
