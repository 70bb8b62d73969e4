package io.quarkiverse.etlify.runtime.hubspot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.adapter.CrmUnavailableException;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.adapter.UpsertOutcome;

/**
 * One {@code batchUpsert} call: records with a known HubSpot id go to {@code batch/update}, records
 * with a unique id property value to {@code batch/upsert}, the others to {@code batch/create}, in
 * requests of at most 100 inputs. Each input carries an {@code objectWriteTraceId}, so results and
 * the per-input errors of a 207 answer reach the right record whatever order HubSpot answers in.
 * Records whose HubSpot id is gone are written again by their id property (or created).
 */
final class HubSpotBatchWriter {

    static final int MAX_INPUTS = 100;

    private enum Route {
        UPDATE("update", Write::crmId),
        UPSERT("upsert", Write::idValue),
        CREATE("create", write -> null);

        final String path;
        final Function<Write, String> id;

        Route(String path, Function<Write, String> id) {
            this.path = path;
            this.id = id;
        }
    }

    private final String objectType;
    private final HubSpotObjectsClient client;
    private final HubSpotRequests requests;
    private final Map<String, UpsertOutcome> outcomes = new LinkedHashMap<>();
    // failures of whole requests, to tell "the call failed" from "some inputs failed"
    private final Set<CrmException> requestFailures = Collections.newSetFromMap(new IdentityHashMap<>());
    private CrmException fatal;

    HubSpotBatchWriter(String objectType, HubSpotObjectsClient client, HubSpotRequests requests) {
        this.objectType = objectType;
        this.client = client;
        this.requests = requests;
    }

    Map<String, UpsertOutcome> write(String idProperty, List<BatchUpsertInput> inputs) {
        List<Write> updates = new ArrayList<>();
        List<Write> upserts = new ArrayList<>();
        List<Write> creates = new ArrayList<>();
        int position = 0;
        for (BatchUpsertInput input : inputs) {
            String traceId = Integer.toString(position++);
            outcomes.put(input.key(), null);
            try {
                route(Write.of(input.key(), traceId, objectType, input.payload(), idProperty, input.crmId()), updates,
                        upserts, creates);
            } catch (CrmValidationException e) {
                outcomes.put(input.key(), UpsertOutcome.failure(e));
            }
        }
        for (Write gone : send(Route.UPDATE, updates)) {
            route(gone.withoutCrmId(), updates, upserts, creates);
        }
        send(Route.UPSERT, upserts);
        send(Route.CREATE, creates);
        CrmException wholeCall = sameRequestFailureForAll();
        if (wholeCall != null) {
            throw wholeCall;
        }
        return outcomes;
    }

    private static void route(Write write, List<Write> updates, List<Write> upserts, List<Write> creates) {
        if (write.crmId() != null) {
            updates.add(write);
        } else if (write.idValue() != null) {
            upserts.add(write);
        } else {
            creates.add(write);
        }
    }

    /** Sends the writes of one route; answers the updates whose HubSpot id is gone. */
    private List<Write> send(Route route, List<Write> writes) {
        List<Write> gone = new ArrayList<>();
        String request = "POST " + HubSpotAdapter.path(objectType) + "/batch/" + route.path;
        for (List<Write> chunk : Chunks.of(writes, route.id, MAX_INPUTS)) {
            if (fatal != null) {
                chunk.forEach(write -> fail(write, fatal));
                continue;
            }
            HubSpotJson.BatchAnswer answer;
            try {
                HubSpotRequests.Answer sent = route == Route.CREATE ? requests.sendCreate(request, () -> call(route, chunk))
                        : requests.send(request, () -> call(route, chunk));
                answer = requests.read(request, sent, HubSpotJson.BatchAnswer.class);
            } catch (CrmException e) {
                requestFailures.add(e);
                if (e instanceof CrmUnauthorizedException || e instanceof CrmRateLimitedException
                        || e instanceof CrmUnavailableException) {
                    // every further request would meet it too (refused token, paused CRM, open circuit)
                    fatal = e;
                }
                chunk.forEach(write -> fail(write, e));
                continue;
            }
            gone.addAll(resolve(route, request, chunk, answer));
        }
        return gone;
    }

    private Response call(Route route, List<Write> chunk) {
        return switch (route) {
            case UPDATE -> client.batchUpdate(objectType, new HubSpotJson.Batch<>(chunk.stream()
                    .map(w -> new HubSpotJson.UpdateItem(w.crmId(), w.properties(), w.traceId())).toList()));
            case UPSERT -> client.batchUpsert(objectType, new HubSpotJson.Batch<>(chunk.stream()
                    .map(w -> new HubSpotJson.UpsertItem(w.idValue(), w.idProperty(), w.properties(), w.traceId()))
                    .toList()));
            case CREATE -> client.batchCreate(objectType, new HubSpotJson.Batch<>(chunk.stream()
                    .map(w -> new HubSpotJson.CreateItem(w.properties(), List.of(), w.traceId())).toList()));
        };
    }

    /** Maps results and per-input errors back to the writes of one request. */
    private List<Write> resolve(Route route, String request, List<Write> chunk, HubSpotJson.BatchAnswer answer) {
        Map<String, Write> byTrace = new HashMap<>();
        Map<String, Write> byId = new HashMap<>();
        for (Write write : chunk) {
            byTrace.put(write.traceId(), write);
            String id = route.id.apply(write);
            if (id != null) {
                byId.put(id, write);
            }
        }
        Set<String> done = new HashSet<>();
        for (HubSpotJson.ObjectAnswer result : answer.resultsOrEmpty()) {
            Write write = result.objectWriteTraceId() == null ? null : byTrace.get(result.objectWriteTraceId());
            if (write == null) {
                // without a trace id: an update is known by its HubSpot id, an upsert by its id property value
                write = byId.get(route == Route.UPDATE ? result.id()
                        : route == Route.UPSERT ? result.property(chunk.get(0).idProperty()) : null);
            }
            if (write != null && done.add(write.traceId())) {
                outcomes.put(write.key(), UpsertOutcome.success(result.id()));
            }
        }
        List<Write> gone = new ArrayList<>();
        List<HubSpotJson.InputError> unattributed = new ArrayList<>();
        for (HubSpotJson.InputError error : answer.errorsOrEmpty()) {
            List<Write> concerned = new ArrayList<>();
            error.contextValues("objectWriteTraceId").forEach(trace -> addIfPresent(concerned, byTrace.get(trace)));
            if (concerned.isEmpty()) {
                error.contextValues("ids").forEach(id -> addIfPresent(concerned, byId.get(id)));
            }
            if (concerned.isEmpty()) {
                unattributed.add(error);
                continue;
            }
            CrmException failure = requests.errors().inputError(request, error);
            for (Write write : concerned) {
                if (done.add(write.traceId())) {
                    if (route == Route.UPDATE && failure instanceof CrmNotFoundException) {
                        gone.add(write);
                    } else {
                        outcomes.put(write.key(), UpsertOutcome.failure(failure));
                    }
                }
            }
        }
        for (Write write : chunk) {
            if (!done.contains(write.traceId())) {
                fail(write, unattributed.isEmpty()
                        ? new CrmApiException("HubSpot answered neither a result nor an error for this input of "
                                + request, 0, null, null, null)
                        : requests.errors().inputError(request, unattributed.get(0)));
            }
        }
        return gone;
    }

    private void fail(Write write, CrmException failure) {
        outcomes.put(write.key(), UpsertOutcome.failure(failure));
    }

    private CrmException sameRequestFailureForAll() {
        CrmException first = null;
        for (UpsertOutcome outcome : outcomes.values()) {
            if (outcome == null || outcome.error() == null || !requestFailures.contains(outcome.error())
                    || first != null && first != outcome.error()) {
                return null;
            }
            first = outcome.error();
        }
        return first;
    }

    private static void addIfPresent(List<Write> writes, Write write) {
        if (write != null) {
            writes.add(write);
        }
    }
}
