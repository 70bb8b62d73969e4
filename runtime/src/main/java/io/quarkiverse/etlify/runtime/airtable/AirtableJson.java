package io.quarkiverse.etlify.runtime.airtable;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bodies of Airtable's record endpoints that the adapter sends and reads
 * (https://airtable.com/developers/web/api/update-multiple-records, .../create-records,
 * .../update-record, .../delete-multiple-records). Public only because the generated REST client must see
 * them; not an API.
 */
public final class AirtableJson {

    private AirtableJson() {
    }

    /**
     * {@code PATCH /v0/{baseId}/{table}}: up to 10 records; with {@code performUpsert}, records without
     * {@code id} are matched on the merge fields (created when none matches), records with one are updated.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpdateManyRequest(PerformUpsert performUpsert, List<RecordInput> records, Boolean typecast,
            Boolean returnFieldsByFieldId) {
    }

    /** {@code POST /v0/{baseId}/{table}}: creates up to 10 records. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateRequest(List<RecordInput> records, Boolean typecast, Boolean returnFieldsByFieldId) {
    }

    /** {@code PATCH /v0/{baseId}/{table}/{recordId}}: updates the fields named, leaves the others. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpdateRequest(
            @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS) Map<String, Object> fields,
            Boolean typecast, Boolean returnFieldsByFieldId) {
    }

    /** The merge fields of an upsert: one to three field names or ids. */
    public record PerformUpsert(List<String> fieldsToMergeOn) {
    }

    /** One record of a request; a {@code null} cell value clears the cell. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecordInput(String id,
            @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS) Map<String, Object> fields) {
    }

    /** A written record: its id and its non-empty cells, keyed by field name or, when asked, by field id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecordAnswer(String id, String createdTime, Map<String, JsonNode> fields) {

        public JsonNode field(String name) {
            return fields == null ? null : fields.get(name);
        }
    }

    /** The answer to a create or an update of several records; upserts add the ids created and updated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecordsAnswer(List<RecordAnswer> records, List<String> createdRecords, List<String> updatedRecords) {

        public List<RecordAnswer> recordsOrEmpty() {
            return records == null ? List.of() : records;
        }
    }

    /** One deleted record. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deleted(String id, boolean deleted) {
    }

    /** The answer to a delete of several records. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeletedRecords(List<Deleted> records) {

        public List<Deleted> recordsOrEmpty() {
            return records == null ? List.of() : records;
        }
    }
}
