package io.quarkiverse.etlify.runtime.airtable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.GuardedPerRequest;
import io.quarkiverse.etlify.adapter.UpsertOutcome;

/**
 * Airtable's Web API v0: a mapping's {@code objectType} is a table (id or name) of the CRM's base, its
 * {@code idProperty} the field (name or id) records are upserted on. One request per record:
 * <ul>
 * <li>known record id: {@code PATCH .../{recordId}}; if Airtable no longer has it (404), written as if
 * unknown;</li>
 * <li>a value of the id property: one {@code PATCH} with {@code performUpsert} on that field (Airtable
 * creates or updates atomically: no search first, no race, no duplicate);</li>
 * <li>otherwise: a create.</li>
 * </ul>
 * Batches are described in {@link AirtableBatchWriter}; deletes of several records go 10 per request. Every
 * request goes through the CRM's guard.
 */
final class AirtableAdapter implements CrmAdapter, GuardedPerRequest {

    private final String crmName;
    private final String baseId;
    private final AirtableRecordsClient client;
    private final AirtableRequests requests;
    private final boolean typecast;

    AirtableAdapter(String crmName, String baseId, AirtableRecordsClient client, AirtableRequests requests,
            boolean typecast) {
        this.crmName = crmName;
        this.baseId = baseId;
        this.client = client;
        this.requests = requests;
        this.typecast = typecast;
    }

    @Override
    public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
        return table(objectType).write(AirtableWrite.of(null, objectType, payload, idProperty, crmId));
    }

    @Override
    public void delete(String objectType, String crmId) {
        table(objectType).delete(crmId);
    }

    @Override
    public boolean supportsBatchUpsert() {
        return true;
    }

    @Override
    public Map<String, UpsertOutcome> batchUpsert(String objectType, String idProperty, List<BatchUpsertInput> inputs) {
        return new AirtableBatchWriter(table(objectType)).write(idProperty, inputs);
    }

    @Override
    public boolean supportsBatchDelete() {
        return true;
    }

    /**
     * Deletes in requests of 10. Airtable refuses such a request as a whole when one of its records is gone:
     * its records are then deleted one by one, a gone one counting as deleted.
     */
    @Override
    public Map<String, CrmException> batchDelete(String objectType, List<String> crmIds) {
        AirtableTable table = table(objectType);
        Map<String, CrmException> outcomes = new LinkedHashMap<>();
        List<String> recordIds = crmIds.stream().distinct().filter(id -> {
            if (AirtableIds.is(AirtableIds.RECORD, id)) {
                return true;
            }
            // never an Airtable record: nothing to delete
            outcomes.put(id, null);
            return false;
        }).toList();
        for (List<String> chunk : AirtableBatchWriter.chunks(recordIds, id -> null)) {
            try {
                table.deleteMany(chunk);
                chunk.forEach(id -> outcomes.put(id, null));
            } catch (CrmException e) {
                if (!e.isRecordSpecific()) {
                    chunk.forEach(id -> outcomes.put(id, e));
                } else if (chunk.size() == 1) {
                    outcomes.put(chunk.get(0), e instanceof CrmNotFoundException ? null : e);
                } else {
                    chunk.forEach(id -> outcomes.put(id, deleteAlone(table, id)));
                }
            }
        }
        return outcomes;
    }

    private static CrmException deleteAlone(AirtableTable table, String recordId) {
        try {
            table.delete(recordId);
            return null;
        } catch (CrmNotFoundException gone) {
            return null;
        } catch (CrmException e) {
            return e;
        }
    }

    private AirtableTable table(String objectType) {
        return new AirtableTable(baseId, objectType, client, requests, typecast);
    }

    @Override
    public String toString() {
        return "Airtable adapter of CRM " + crmName;
    }
}
