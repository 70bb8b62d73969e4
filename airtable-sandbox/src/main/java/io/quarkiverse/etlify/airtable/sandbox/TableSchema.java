package io.quarkiverse.etlify.airtable.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * A table of the sandbox's base, addressed in URLs by its id or its name.
 *
 * @param id the table id, {@code tbl} and 14 letters or digits
 * @param name the table name
 * @param fields its fields
 */
public record TableSchema(String id, String name, List<FieldSchema> fields) {

    public TableSchema {
        Objects.requireNonNull(name, "name");
        if (!Ids.is(Ids.TABLE, id)) {
            throw new IllegalArgumentException("A table id is tbl followed by 14 letters or digits: " + id);
        }
        fields = List.copyOf(fields);
    }

    /** A table with a generated id. */
    public static TableSchema of(String name, FieldSchema... fields) {
        return new TableSchema(Ids.next(Ids.TABLE), name, List.of(fields));
    }

    /** A table with the given id. */
    public static TableSchema withId(String id, String name, FieldSchema... fields) {
        return new TableSchema(id, name, List.of(fields));
    }

    /** The field of that name or id, or {@code null}. */
    public FieldSchema field(String nameOrId) {
        for (FieldSchema field : fields) {
            if (field.id().equals(nameOrId) || field.name().equals(nameOrId)) {
                return field;
            }
        }
        return null;
    }
}
