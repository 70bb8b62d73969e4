package io.quarkiverse.etlify.airtable.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The record endpoints of one base ({@code /v0/{baseId}/{tableIdOrName}[/{recordId}]}), each request applied
 * whole or not at all, one at a time.
 */
final class RecordsApi {

    /**
     * Records per create, update or delete request: "Updates up to 10 records"
     * (https://airtable.com/developers/web/api/update-multiple-records), likewise for creates and deletes
     * (https://airtable.com/developers/web/api/create-records, .../delete-multiple-records).
     */
    static final int MAX_RECORDS = 10;
    /** "An array with at least one and at most three field names or IDs" (update-multiple-records, request body). */
    static final int MAX_MERGE_FIELDS = 3;

    private final List<TableSchema> initialTables;
    private final boolean autoCreate;
    private final FaultInjector faults;
    // by table id, in creation order
    private final Map<String, SandboxTable> tables = new LinkedHashMap<>();

    RecordsApi(List<TableSchema> initialTables, boolean autoCreate, FaultInjector faults) {
        this.initialTables = List.copyOf(initialTables);
        this.autoCreate = autoCreate;
        this.faults = faults;
        reset();
    }

    synchronized void reset() {
        tables.clear();
        initialTables.forEach(schema -> tables.put(schema.id(), new SandboxTable(schema)));
    }

    /** The answer to a request addressed to a table of the base; the endpoint is known to be one of the record ones. */
    synchronized SandboxResponse handle(Endpoint endpoint, String tableIdOrName, String recordId,
            Map<String, List<String>> query, JsonNode body) {
        SandboxTable table = table(tableIdOrName);
        return switch (endpoint) {
            case CREATE -> create(table, body);
            case UPDATE_MANY, UPSERT -> updateMany(table, body);
            case UPDATE -> update(table, recordId, body);
            case DELETE -> SandboxResponse.ok(delete(table, List.of(recordId)).get(0));
            case DELETE_MANY -> deleteMany(table, query);
            default -> throw ApiError.notFound("Could not find what you are looking for");
        };
    }

    // ---- endpoints

    /**
     * {@code POST}: {@code {"records": [{"fields": ...}, ...]}} (up to 10) or a single {@code {"fields": ...}},
     * answered in the same shape (https://airtable.com/developers/web/api/create-records).
     */
    private SandboxResponse create(SandboxTable table, JsonNode body) {
        boolean typecast = flag(body, "typecast");
        boolean byFieldId = flag(body, "returnFieldsByFieldId");
        Changes changes = new Changes();
        if (body.has("fields") && !body.has("records")) {
            Map<String, JsonNode> cells = cells(table, body.get("fields"), typecast, changes);
            changes.apply(table);
            return SandboxResponse.ok(table.answer(insert(table, cells), byFieldId));
        }
        List<JsonNode> records = records(body);
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode record : records) {
            rows.add(cells(table, record.get("fields"), typecast, changes));
        }
        changes.apply(table);
        List<ObjectNode> answers = new ArrayList<>();
        for (Map<String, JsonNode> cells : rows) {
            answers.add(table.answer(insert(table, cells), byFieldId));
        }
        ObjectNode answer = Json.object();
        answer.set("records", array(answers));
        return SandboxResponse.ok(answer);
    }

    /**
     * {@code PATCH} of up to 10 records by id, or with {@code performUpsert} on merge fields: "If zero matches
     * are found, a new record will be created. If one match is found, that record will be updated. If multiple
     * matches are found, the request will fail. Records that include id will ignore fieldsToMergeOn and behave
     * as normal updates. If no record with the given id exists, the request will fail" and the answer
     * "will additionally include updatedRecords and createdRecords arrays"
     * (https://airtable.com/developers/web/api/update-multiple-records).
     */
    private SandboxResponse updateMany(SandboxTable table, JsonNode body) {
        boolean typecast = flag(body, "typecast");
        boolean byFieldId = flag(body, "returnFieldsByFieldId");
        JsonNode performUpsert = body.get("performUpsert");
        List<JsonNode> records = records(body);
        Changes changes = new Changes();
        List<FieldSchema> mergeFields = performUpsert == null || performUpsert.isNull() ? null
                : mergeFields(table, performUpsert, records, typecast, changes);
        List<SandboxTable.Row> targets = new ArrayList<>();
        List<Map<String, JsonNode>> updates = new ArrayList<>();
        Set<String> identities = new HashSet<>();
        for (JsonNode record : records) {
            Map<String, JsonNode> cells = cells(table, record.get("fields"), typecast, changes);
            String id = text(record, "id");
            SandboxTable.Row target;
            String identity;
            if (id != null) {
                target = table.rows().get(id);
                if (target == null) {
                    throw ApiError.notFound("Could not find a record with id " + id + " in table " + table.name());
                }
                identity = "id " + id;
            } else if (mergeFields == null) {
                throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN,
                        "Invalid request: every record needs an id unless performUpsert is set");
            } else {
                target = match(table, mergeFields, cells);
                identity = target != null ? "id " + target.id : "merge " + mergeKey(mergeFields, cells);
            }
            // sandbox rule: one request writes a record once (Airtable does not document two writes of one record)
            if (!identities.add(identity)) {
                throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN,
                        "Invalid request: two records of the request write the same record (" + identity + ")");
            }
            targets.add(target);
            updates.add(cells);
        }
        changes.apply(table);
        List<ObjectNode> answers = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            SandboxTable.Row row = targets.get(i);
            if (row == null) {
                row = insert(table, updates.get(i));
                created.add(row.id);
            } else {
                apply(row, updates.get(i));
                updated.add(row.id);
            }
            answers.add(table.answer(row, byFieldId));
        }
        ObjectNode answer = Json.object();
        answer.set("records", array(answers));
        if (mergeFields != null) {
            answer.set("createdRecords", Json.MAPPER.valueToTree(created));
            answer.set("updatedRecords", Json.MAPPER.valueToTree(updated));
        }
        return SandboxResponse.ok(answer);
    }

    /**
     * {@code PATCH .../{recordId}}: "will only update the fields included in the request"
     * (https://airtable.com/developers/web/api/update-record); an unknown record is a 404.
     */
    private SandboxResponse update(SandboxTable table, String recordId, JsonNode body) {
        SandboxTable.Row row = table.rows().get(recordId);
        if (row == null) {
            throw ApiError.notFound("Could not find a record with id " + recordId + " in table " + table.name());
        }
        Changes changes = new Changes();
        Map<String, JsonNode> cells = cells(table, body.get("fields"), flag(body, "typecast"), changes);
        changes.apply(table);
        apply(row, cells);
        return SandboxResponse.ok(table.answer(row, flag(body, "returnFieldsByFieldId")));
    }

    /**
     * {@code DELETE ?records[]=...}: up to 10 records (https://airtable.com/developers/web/api/delete-multiple-records),
     * all deleted or, when one is unknown, none (sandbox rule: the request fails as a whole, as writes do).
     */
    private SandboxResponse deleteMany(SandboxTable table, Map<String, List<String>> query) {
        List<String> ids = new ArrayList<>(query.getOrDefault("records[]", List.of()));
        ids.addAll(query.getOrDefault("records", List.of()));
        if (ids.isEmpty() || ids.size() > MAX_RECORDS) {
            throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN,
                    "Invalid request: records[] must name 1 to " + MAX_RECORDS + " records, got " + ids.size());
        }
        ObjectNode answer = Json.object();
        answer.set("records", array(delete(table, ids)));
        return SandboxResponse.ok(answer);
    }

    private List<ObjectNode> delete(SandboxTable table, List<String> ids) {
        for (String id : ids) {
            if (!table.rows().containsKey(id)) {
                throw ApiError.notFound("Could not find a record with id " + id + " in table " + table.name());
            }
        }
        List<ObjectNode> deleted = new ArrayList<>();
        for (String id : ids) {
            table.rows().remove(id);
            deleted.add(Json.object().put("id", id).put("deleted", true));
        }
        return deleted;
    }

    // ---- reads for the sandbox's own API

    synchronized List<TableSchema> tables() {
        return tables.values().stream().map(SandboxTable::schema).toList();
    }

    synchronized List<StoredRecord> records(String tableIdOrName) {
        SandboxTable table = find(tableIdOrName);
        return table == null ? List.of() : table.rows().values().stream().map(table::copy).toList();
    }

    synchronized StoredRecord seed(String tableIdOrName, JsonNode fields) {
        SandboxTable table = table(tableIdOrName);
        Changes changes = new Changes();
        Map<String, JsonNode> cells = cells(table, fields, true, changes);
        changes.apply(table);
        return table.copy(insert(table, cells));
    }

    // ---- helpers

    private SandboxTable table(String idOrName) {
        SandboxTable table = find(idOrName);
        if (table != null) {
            return table;
        }
        if (!autoCreate) {
            // the errors page's 403 example: unknown models look like ones the token may not reach
            throw new ApiError(403, ApiError.INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND, "Invalid permissions, or the"
                    + " requested model was not found. Check that both your user and your token have the required"
                    + " permissions, and that the model names and/or ids are correct.");
        }
        String id = Ids.is(Ids.TABLE, idOrName) ? idOrName : Ids.next(Ids.TABLE);
        SandboxTable created = new SandboxTable(new TableSchema(id, idOrName, List.of()));
        tables.put(id, created);
        return created;
    }

    private SandboxTable find(String idOrName) {
        SandboxTable byId = tables.get(idOrName);
        if (byId != null) {
            return byId;
        }
        return tables.values().stream().filter(table -> table.name().equals(idOrName)).findFirst().orElse(null);
    }

    private static List<JsonNode> records(JsonNode body) {
        JsonNode records = body.get("records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN,
                    "Invalid request: parameter validation failed. Check your request data: records must be a non-empty"
                            + " array");
        }
        if (records.size() > MAX_RECORDS) {
            throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN, "Invalid request: parameter validation failed."
                    + " Check your request data: at most " + MAX_RECORDS + " records per request, got " + records.size());
        }
        List<JsonNode> list = new ArrayList<>();
        records.forEach(list::add);
        return list;
    }

    /** The merge fields of an upsert: 1 to 3 fields of a mergeable type, made up from the values when free. */
    private List<FieldSchema> mergeFields(SandboxTable table, JsonNode performUpsert, List<JsonNode> records,
            boolean typecast, Changes changes) {
        JsonNode names = performUpsert.get("fieldsToMergeOn");
        if (names == null || !names.isArray() || names.isEmpty() || names.size() > MAX_MERGE_FIELDS) {
            throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN, "Invalid request: performUpsert.fieldsToMergeOn"
                    + " must list 1 to " + MAX_MERGE_FIELDS + " field names or ids");
        }
        List<FieldSchema> fields = new ArrayList<>();
        for (JsonNode name : names) {
            FieldSchema field = table.field(name.asText());
            if (field == null && autoCreate) {
                JsonNode sample = records.get(0).path("fields").get(name.asText());
                field = changes.newField(table, name.asText(), sample == null || sample.isNull() ? FieldType.SINGLE_LINE_TEXT
                        : CellValues.inferType(sample));
            }
            if (field == null) {
                throw unknownField(name.asText());
            }
            if (!field.type().mergeable()) {
                throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN, "Invalid request: field \"" + field.name()
                        + "\" of type " + field.type().apiName() + " cannot be used in fieldsToMergeOn");
            }
            fields.add(field);
        }
        return fields;
    }

    /** The one record whose merge-field cells equal the request's, {@code null} when none. */
    private static SandboxTable.Row match(SandboxTable table, List<FieldSchema> mergeFields, Map<String, JsonNode> cells) {
        String key = mergeKey(mergeFields, cells);
        SandboxTable.Row found = null;
        for (SandboxTable.Row row : table.rows().values()) {
            if (mergeKey(mergeFields, row.cells).equals(key)) {
                if (found != null) {
                    throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN, "Invalid request: more than one record"
                            + " of table " + table.name() + " matches the fields to merge on (" + key + ")");
                }
                found = row;
            }
        }
        return found;
    }

    private static String mergeKey(List<FieldSchema> mergeFields, Map<String, JsonNode> cells) {
        List<String> parts = new ArrayList<>();
        for (FieldSchema field : mergeFields) {
            JsonNode cell = cells.get(field.id());
            parts.add(CellValues.isEmpty(cell) ? "" : CellValues.comparable(cell));
        }
        return String.join("\u0000", parts);
    }

    /** The cells of a request's {@code fields} object, by field id, checked against the fields' types. */
    private Map<String, JsonNode> cells(SandboxTable table, JsonNode fields, boolean typecast, Changes changes) {
        if (fields == null || !fields.isObject()) {
            throw ApiError.unprocessable(ApiError.INVALID_REQUEST_UNKNOWN,
                    "Invalid request: parameter validation failed. Check your request data: fields must be an object");
        }
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        Map<String, String> byName = new LinkedHashMap<>();
        var entries = fields.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            FieldSchema field = table.field(entry.getKey());
            if (field == null) {
                field = changes.field(entry.getKey());
            }
            if (field == null && autoCreate) {
                field = changes.newField(table, entry.getKey(), entry.getValue() == null || entry.getValue().isNull()
                        ? FieldType.SINGLE_LINE_TEXT : CellValues.inferType(entry.getValue()));
            }
            if (field == null) {
                throw unknownField(entry.getKey());
            }
            List<String> newChoices = changes.choices(field);
            JsonNode cell = CellValues.convert(field, entry.getValue(), typecast, typecast || changes.isNew(field),
                    newChoices);
            cells.put(field.id(), cell);
            byName.put(field.name(), cell == null ? "" : CellValues.comparable(cell));
        }
        Optional<String> injected = faults.recordFailure(table.name(), Collections.unmodifiableMap(byName));
        if (injected.isPresent()) {
            throw ApiError.unprocessable(ApiError.INVALID_VALUE_FOR_COLUMN, injected.get());
        }
        return cells;
    }

    private static ApiError unknownField(String name) {
        return ApiError.unprocessable(ApiError.UNKNOWN_FIELD_NAME, "Unknown field name: \"" + name + "\"");
    }

    private static SandboxTable.Row insert(SandboxTable table, Map<String, JsonNode> cells) {
        SandboxTable.Row row = new SandboxTable.Row(Ids.next(Ids.RECORD), Instant.now());
        apply(row, cells);
        table.rows().put(row.id, row);
        return row;
    }

    private static void apply(SandboxTable.Row row, Map<String, JsonNode> cells) {
        cells.forEach((fieldId, cell) -> {
            if (CellValues.isEmpty(cell)) {
                row.cells.remove(fieldId);
            } else {
                row.cells.put(fieldId, cell);
            }
        });
    }

    private ArrayNode array(List<ObjectNode> records) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        List<ObjectNode> ordered = new ArrayList<>(records);
        if (faults.reversesRecordOrder()) {
            Collections.reverse(ordered);
        }
        ordered.forEach(array::add);
        return array;
    }

    private static boolean flag(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value != null && value.asBoolean(false);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Schema changes a request makes (fields the sandbox makes up, select options typecast adds), kept until it succeeds. */
    private static final class Changes {
        private final Map<String, FieldSchema> newFields = new LinkedHashMap<>();
        private final Map<String, List<String>> newChoices = new HashMap<>();

        FieldSchema newField(SandboxTable table, String nameOrId, FieldType type) {
            FieldSchema field = Ids.is(Ids.FIELD, nameOrId) ? FieldSchema.withId(nameOrId, nameOrId, type)
                    : FieldSchema.of(nameOrId, type);
            newFields.put(nameOrId, field);
            return field;
        }

        FieldSchema field(String nameOrId) {
            return newFields.get(nameOrId);
        }

        boolean isNew(FieldSchema field) {
            return newFields.containsValue(field);
        }

        List<String> choices(FieldSchema field) {
            return newChoices.computeIfAbsent(field.id(), id -> new ArrayList<>());
        }

        void apply(SandboxTable table) {
            newFields.values().forEach(table::addField);
            newChoices.forEach((fieldId, choices) -> {
                FieldSchema field = table.fieldById(fieldId);
                for (String choice : choices) {
                    if (field != null && !field.choices().contains(choice)) {
                        field = field.withChoice(choice);
                    }
                }
                if (field != null) {
                    table.replaceField(field);
                }
            });
        }
    }
}
