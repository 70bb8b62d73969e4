package io.quarkiverse.etlify.runtime.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.GuardedPerRequest;
import io.quarkiverse.etlify.adapter.UpsertOutcome;

/**
 * HubSpot's CRM v3 objects, any object type including custom objects. One request per record:
 * <ul>
 * <li>known HubSpot id: {@code PATCH .../{id}}; if HubSpot no longer has it (404), written as if
 * unknown;</li>
 * <li>unique id property with a value: {@code batch/upsert} with that single input (HubSpot creates or
 * updates atomically: no search, no race, no duplicate);</li>
 * <li>otherwise: {@code POST} create.</li>
 * </ul>
 * Batches are described in {@link HubSpotBatchWriter}. Every request goes through the CRM's guard.
 */
final class HubSpotAdapter implements CrmAdapter, GuardedPerRequest {

    /** HubSpot's limit of filters in one filter group. */
    static final int MAX_SEARCH_FILTERS = 6;
    private static final Logger LOG = Logger.getLogger(HubSpotAdapter.class);

    private final String crmName;
    private final HubSpotObjectsClient client;
    private final HubSpotRequests requests;

    HubSpotAdapter(String crmName, HubSpotObjectsClient client, HubSpotRequests requests) {
        this.crmName = crmName;
        this.client = client;
        this.requests = requests;
    }

    static String path(String objectType) {
        return "/crm/v3/objects/" + objectType;
    }

    @Override
    public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
        Write write = Write.of(null, null, objectType, payload, idProperty, crmId);
        if (write.crmId() != null) {
            try {
                return update(objectType, write);
            } catch (CrmNotFoundException gone) {
                LOG.debugf("HubSpot CRM %s no longer has %s %s: writing it again", crmName, objectType, write.crmId());
            }
        }
        return write.idValue() != null ? upsertByIdProperty(objectType, write) : create(objectType, write);
    }

    @Override
    public void delete(String objectType, String crmId) {
        requests.send("DELETE " + path(objectType) + "/" + crmId, () -> client.archive(objectType, crmId));
    }

    /**
     * Searches for an object holding the payload's values (its first {@value #MAX_SEARCH_FILTERS} non-blank
     * properties, all equal). HubSpot's search index follows writes by a few seconds, so a create lost
     * moments before may not be found yet: mapping a unique id property rules duplicates out entirely.
     */
    @Override
    public Optional<String> findCreated(String objectType, Map<String, Object> payload) {
        Write write = Write.of(null, null, objectType, payload, null, null);
        List<HubSpotJson.Filter> filters = write.properties().entrySet().stream()
                .filter(property -> !property.getValue().isBlank())
                .limit(MAX_SEARCH_FILTERS)
                .map(property -> new HubSpotJson.Filter(property.getKey(), "EQ", property.getValue()))
                .toList();
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        String request = "POST " + path(objectType) + "/search";
        HubSpotRequests.Answer answer = requests.send(request, () -> client.search(objectType,
                new HubSpotJson.SearchRequest(List.of(new HubSpotJson.FilterGroup(filters)), List.of(), List.of(), 1,
                        "0")));
        Optional<String> found = requests.read(request, answer, HubSpotJson.BatchAnswer.class).resultsOrEmpty().stream()
                .findFirst().map(HubSpotJson.ObjectAnswer::id);
        LOG.debugf("HubSpot CRM %s: the lost create of a %s %s", crmName, objectType,
                found.map(id -> "wrote " + id).orElse("wrote nothing found"));
        return found;
    }

    @Override
    public boolean supportsBatchUpsert() {
        return true;
    }

    @Override
    public Map<String, UpsertOutcome> batchUpsert(String objectType, String idProperty, List<BatchUpsertInput> inputs) {
        return new HubSpotBatchWriter(objectType, client, requests).write(idProperty, inputs);
    }

    @Override
    public boolean supportsBatchDelete() {
        return true;
    }

    /** Archives in requests of 100; HubSpot answers 204 whether or not each id exists. */
    @Override
    public Map<String, CrmException> batchDelete(String objectType, List<String> crmIds) {
        Map<String, CrmException> outcomes = new LinkedHashMap<>();
        String request = "POST " + path(objectType) + "/batch/archive";
        for (List<String> chunk : Chunks.of(crmIds.stream().distinct().toList(), id -> null,
                HubSpotBatchWriter.MAX_INPUTS)) {
            CrmException failure = null;
            try {
                requests.send(request, () -> client.batchArchive(objectType,
                        new HubSpotJson.Batch<>(chunk.stream().map(HubSpotJson.IdItem::new).toList())));
            } catch (CrmException e) {
                failure = e;
            }
            for (String id : chunk) {
                outcomes.put(id, failure);
            }
        }
        return outcomes;
    }

    private String update(String objectType, Write write) {
        String request = "PATCH " + path(objectType) + "/" + write.crmId();
        HubSpotRequests.Answer answer = requests.send(request,
                () -> client.update(objectType, write.crmId(), new HubSpotJson.UpdateInput(write.properties())));
        return requests.read(request, answer, HubSpotJson.ObjectAnswer.class).id();
    }

    private String create(String objectType, Write write) {
        String request = "POST " + path(objectType);
        HubSpotRequests.Answer answer = requests.sendCreate(request,
                () -> client.create(objectType, new HubSpotJson.CreateInput(write.properties(), List.of())));
        return requests.read(request, answer, HubSpotJson.ObjectAnswer.class).id();
    }

    private String upsertByIdProperty(String objectType, Write write) {
        String request = "POST " + path(objectType) + "/batch/upsert";
        HubSpotRequests.Answer answer = requests.send(request, () -> client.batchUpsert(objectType,
                new HubSpotJson.Batch<>(List.of(new HubSpotJson.UpsertItem(write.idValue(), write.idProperty(),
                        write.properties(), null)))));
        HubSpotJson.BatchAnswer batch = requests.read(request, answer, HubSpotJson.BatchAnswer.class);
        if (!batch.errorsOrEmpty().isEmpty()) {
            throw requests.errors().inputError(request, batch.errorsOrEmpty().get(0));
        }
        if (batch.resultsOrEmpty().isEmpty()) {
            throw new CrmApiException("HubSpot answered " + request + " without a result", answer.status(), null, null,
                    null);
        }
        return batch.resultsOrEmpty().get(0).id();
    }

    @Override
    public String toString() {
        return "HubSpot adapter of CRM " + crmName;
    }
}
