package io.quarkiverse.etlify.airtable.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * A field of a sandbox table.
 *
 * @param id the field id, {@code fld} and 14 letters or digits
 * @param name the field name, unique in its table
 * @param type the cell values it takes
 * @param choices the options of a select field (empty for other types)
 */
public record FieldSchema(String id, String name, FieldType type, List<String> choices) {

    public FieldSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!Ids.is(Ids.FIELD, id)) {
            throw new IllegalArgumentException("A field id is fld followed by 14 letters or digits: " + id);
        }
        choices = List.copyOf(choices);
    }

    /** A field with a generated id. */
    public static FieldSchema of(String name, FieldType type, String... choices) {
        return new FieldSchema(Ids.next(Ids.FIELD), name, type, List.of(choices));
    }

    /** A field with the given id, e.g. to upsert on it by id. */
    public static FieldSchema withId(String id, String name, FieldType type, String... choices) {
        return new FieldSchema(id, name, type, List.of(choices));
    }

    FieldSchema withChoice(String choice) {
        List<String> more = new java.util.ArrayList<>(choices);
        more.add(choice);
        return new FieldSchema(id, name, type, more);
    }
}
