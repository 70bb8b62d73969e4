package io.quarkiverse.etlify.runtime.airtable;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.runtime.airtable.AirtableRequests.Operation;

/**
 * The requests the adapter sends to one table of the base, each through the CRM's guard. Single records are
 * written in one request: {@code PATCH} of their record id when known, else one {@code performUpsert} on the
 * merge field, else a create.
 */
final class AirtableTable {

    private static final Logger LOG = Logger.getLogger(AirtableTable.class);

    private final String baseId;
    private final String table;
    private final AirtableRecordsClient client;
    private final AirtableRequests requests;
    private final Boolean typecast;

    AirtableTable(String baseId, String table, AirtableRecordsClient client, AirtableRequests requests,
            boolean typecast) {
        this.baseId = baseId;
        this.table = table;
        this.client = client;
        this.requests = requests;
        // sent only when on, as Airtable's default is off
        this.typecast = typecast ? Boolean.TRUE : null;
    }

    String name() {
        return table;
    }

    String path() {
        return "/v0/" + baseId + "/" + table;
    }

    /**
     * Writes one record and answers its record id. A known record id that Airtable no longer has (404) is
     * written again as if unknown, so the record comes back.
     */
    String write(AirtableWrite write) {
        if (write.crmId() != null) {
            try {
                return update(write);
            } catch (CrmNotFoundException gone) {
                LOG.debugf("Airtable table %s no longer has record %s: writing it again", table, write.crmId());
                write = write.withoutCrmId();
            }
        }
        List<AirtableJson.RecordAnswer> written = write.mergeValue() != null
                ? updateMany(List.of(write), write.mergeField()).recordsOrEmpty()
                : createMany(List.of(write)).recordsOrEmpty();
        if (written.isEmpty() || written.get(0).id() == null) {
            throw new CrmApiException("Airtable answered the write of a record to " + path() + " without its id", 0, null,
                    null, null);
        }
        return written.get(0).id();
    }

    /**
     * {@code PATCH} of up to 10 records: with a merge field, an upsert ({@code performUpsert}; records with an
     * id are updated by it, the others matched on the merge field), else updates by id.
     */
    AirtableJson.RecordsAnswer updateMany(List<AirtableWrite> writes, String mergeField) {
        String request = "PATCH " + path();
        Operation operation = mergeField == null ? Operation.BATCH_UPDATE
                : writes.size() == 1 ? Operation.UPSERT : Operation.BATCH_UPSERT;
        AirtableJson.UpdateManyRequest body = new AirtableJson.UpdateManyRequest(
                mergeField == null ? null : new AirtableJson.PerformUpsert(List.of(mergeField)), inputs(writes, true),
                typecast, byFieldId(mergeField));
        AirtableRequests.Answer answer = requests.send(operation, request, () -> client.updateMany(baseId, table, body));
        return requests.read(request, answer, AirtableJson.RecordsAnswer.class);
    }

    /** {@code POST} of up to 10 new records; Airtable answers them in the order sent. */
    AirtableJson.RecordsAnswer createMany(List<AirtableWrite> writes) {
        String request = "POST " + path();
        AirtableJson.CreateRequest body = new AirtableJson.CreateRequest(inputs(writes, false), typecast, null);
        AirtableRequests.Answer answer = requests.sendCreate(writes.size() == 1 ? Operation.CREATE : Operation.BATCH_CREATE,
                request, () -> client.create(baseId, table, body));
        return requests.read(request, answer, AirtableJson.RecordsAnswer.class);
    }

    /** {@code DELETE} of one record; throws {@link CrmNotFoundException} when Airtable does not have it. */
    void delete(String recordId) {
        if (!AirtableIds.is(AirtableIds.RECORD, recordId)) {
            throw new CrmNotFoundException(recordId + " is not an Airtable record id: no record to delete in " + path(), 0,
                    null, null, null);
        }
        String request = "DELETE " + path() + "/" + recordId;
        requests.send(Operation.DELETE, request, () -> client.delete(baseId, table, recordId));
    }

    /** {@code DELETE} of up to 10 records; Airtable refuses the whole request when one of them is unknown. */
    void deleteMany(List<String> recordIds) {
        String request = "DELETE " + path() + "?records[]=...";
        requests.send(Operation.BATCH_DELETE, request, () -> client.deleteMany(baseId, table, recordIds));
    }

    private String update(AirtableWrite write) {
        String request = "PATCH " + path() + "/" + write.crmId();
        AirtableJson.UpdateRequest body = new AirtableJson.UpdateRequest(write.fields(), typecast, null);
        AirtableRequests.Answer answer = requests.send(Operation.UPDATE, request,
                () -> client.update(baseId, table, write.crmId(), body));
        String id = requests.read(request, answer, AirtableJson.RecordAnswer.class).id();
        return id != null ? id : write.crmId();
    }

    private static List<AirtableJson.RecordInput> inputs(List<AirtableWrite> writes, boolean withIds) {
        return writes.stream().map(write -> new AirtableJson.RecordInput(withIds ? write.crmId() : null, write.fields()))
                .toList();
    }

    /**
     * Whether to ask for answers keyed by field id: when merging on a field id, or the answer could not be
     * mapped back to the records sent (Airtable keys answers by field name unless asked).
     */
    private static Boolean byFieldId(String mergeField) {
        return AirtableIds.is(AirtableIds.FIELD, mergeField) ? Boolean.TRUE : null;
    }

    @Override
    public String toString() {
        return path();
    }
}
