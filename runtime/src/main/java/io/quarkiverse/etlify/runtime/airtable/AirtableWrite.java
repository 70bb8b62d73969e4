package io.quarkiverse.etlify.runtime.airtable;

import java.util.Collection;
import java.util.Map;

import io.quarkiverse.etlify.adapter.CrmValidationException;

/**
 * One record to write, rendered for Airtable, with what identifies it there.
 *
 * @param key the caller's key of a batch input ({@code null} for a single upsert)
 * @param fields the cell values by field name or id
 * @param crmId the Airtable record id known from a previous sync, or {@code null}
 * @param mergeField the field to upsert on (the mapping's id property), or {@code null} when this record has
 *        no value for it
 * @param mergeValue the record's value of the merge field, or {@code null}
 */
record AirtableWrite(String key, Map<String, Object> fields, String crmId, String mergeField, Object mergeValue) {

    /**
     * Renders a payload. A stored id that is no Airtable record id (e.g. written by another adapter) is
     * ignored: the record is written by its merge field or created.
     *
     * @throws CrmValidationException when a value cannot be sent to Airtable
     */
    static AirtableWrite of(String key, String table, Map<String, Object> payload, String idProperty, String crmId) {
        Map<String, Object> fields = FieldValues.render(table, payload);
        Object mergeValue = idProperty == null ? null : fields.get(idProperty);
        if (isEmpty(mergeValue)) {
            mergeValue = null;
        }
        return new AirtableWrite(key, fields, AirtableIds.is(AirtableIds.RECORD, crmId) ? crmId : null,
                mergeValue == null ? null : idProperty, mergeValue);
    }

    /** The same record once its record id turned out to be gone. */
    AirtableWrite withoutCrmId() {
        return new AirtableWrite(key, fields, null, mergeField, mergeValue);
    }

    /** What no other write of one request may share: its record id, or its merge value; {@code null} for creates. */
    String identity() {
        if (crmId != null) {
            return "id " + crmId;
        }
        return mergeValue == null ? null : "merge " + FieldValues.comparable(mergeValue);
    }

    // an empty cell matches every other empty cell of the field: nothing to merge on
    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isBlank()
                || value instanceof Collection<?> values && values.isEmpty();
    }
}
