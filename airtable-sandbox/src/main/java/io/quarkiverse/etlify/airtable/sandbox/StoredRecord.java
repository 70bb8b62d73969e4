package io.quarkiverse.etlify.airtable.sandbox;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An immutable copy of a record of the sandbox, for assertions.
 *
 * @param id the record id, {@code rec} and 14 letters or digits
 * @param createdTime when it was created
 * @param fields its non-empty cells by field name, as Airtable answers them
 */
public record StoredRecord(String id, Instant createdTime, Map<String, JsonNode> fields) {

    public StoredRecord {
        fields = Map.copyOf(fields);
    }

    /** The cell of that field, or {@code null} when empty. */
    public JsonNode field(String name) {
        return fields.get(name);
    }

    /** The cell of that field as text ({@code null} when empty): a string as is, anything else as JSON. */
    public String text(String name) {
        JsonNode cell = fields.get(name);
        return cell == null ? null : cell.isTextual() ? cell.asText() : cell.toString();
    }
}
