package io.quarkiverse.etlify.runtime.hubspot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.etlify.adapter.CrmValidationException;

/**
 * One record to write, rendered for HubSpot, with what identifies it there.
 *
 * @param key the caller's key of a batch input ({@code null} for a single upsert)
 * @param traceId the {@code objectWriteTraceId} that maps HubSpot's answer back to this record
 * @param properties the property values, as strings
 * @param crmId the HubSpot id known from a previous sync, or {@code null}
 * @param idProperty the unique property to upsert by, or {@code null}
 * @param idValue that property's value in this record, or {@code null} when it has none
 */
record Write(String key, String traceId, Map<String, String> properties, String crmId, String idProperty,
        String idValue) {

    /**
     * Renders a payload.
     *
     * @throws CrmValidationException when a value cannot be sent to HubSpot
     */
    static Write of(String key, String traceId, String objectType, Map<String, Object> payload, String idProperty,
            String crmId) {
        Map<String, String> properties = new LinkedHashMap<>(PropertyValues.render(objectType, payload));
        // hs_object_id is HubSpot's id, read-only: writing it is refused, upserting by it is an update
        String objectId = blankToNull(properties.remove(UniqueIdProperties.HS_OBJECT_ID));
        if (UniqueIdProperties.HS_OBJECT_ID.equals(idProperty)) {
            return new Write(key, traceId, properties, crmId != null ? crmId : objectId, null, null);
        }
        String idValue = idProperty == null ? null : blankToNull(properties.get(idProperty));
        return new Write(key, traceId, properties, crmId, idValue == null ? null : idProperty, idValue);
    }

    /** The same record once its HubSpot id turned out to be gone. */
    Write withoutCrmId() {
        return new Write(key, traceId, properties, null, idProperty, idValue);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
