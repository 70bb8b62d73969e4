package io.quarkiverse.etlify.airtable.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A table's schema and records; guarded by its base's lock. */
final class SandboxTable {

    /** A record as stored: cells by field id, empty cells absent. */
    static final class Row {
        final String id;
        final Instant createdTime;
        final Map<String, JsonNode> cells = new LinkedHashMap<>();

        Row(String id, Instant createdTime) {
            this.id = id;
            this.createdTime = createdTime;
        }
    }

    private final String id;
    private final String name;
    private final List<FieldSchema> fields;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    SandboxTable(TableSchema schema) {
        this.id = schema.id();
        this.name = schema.name();
        this.fields = new ArrayList<>(schema.fields());
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    /** The field of that name or id, or {@code null}. */
    FieldSchema field(String nameOrId) {
        for (FieldSchema field : fields) {
            if (field.id().equals(nameOrId) || field.name().equals(nameOrId)) {
                return field;
            }
        }
        return null;
    }

    FieldSchema fieldById(String fieldId) {
        for (FieldSchema field : fields) {
            if (field.id().equals(fieldId)) {
                return field;
            }
        }
        return null;
    }

    void addField(FieldSchema field) {
        fields.add(field);
    }

    void replaceField(FieldSchema field) {
        fields.replaceAll(existing -> existing.id().equals(field.id()) ? field : existing);
    }

    TableSchema schema() {
        return new TableSchema(id, name, fields);
    }

    Map<String, Row> rows() {
        return rows;
    }

    /**
     * A record as Airtable answers it: {@code id}, {@code createdTime} and its non-empty cells keyed by field
     * name, or by field id when {@code returnFieldsByFieldId} was asked for.
     */
    ObjectNode answer(Row row, boolean byFieldId) {
        ObjectNode record = Json.object();
        record.put("id", row.id);
        record.put("createdTime", row.createdTime.toString());
        ObjectNode cells = record.putObject("fields");
        row.cells.forEach((fieldId, cell) -> {
            FieldSchema field = fieldById(fieldId);
            if (field != null && !CellValues.isEmpty(cell)) {
                cells.set(byFieldId ? field.id() : field.name(), cell);
            }
        });
        return record;
    }

    StoredRecord copy(Row row) {
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        row.cells.forEach((fieldId, cell) -> {
            FieldSchema field = fieldById(fieldId);
            if (field != null && !CellValues.isEmpty(cell)) {
                cells.put(field.name(), cell.deepCopy());
            }
        });
        return new StoredRecord(row.id, row.createdTime, cells);
    }
}
