package io.quarkiverse.etlify.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.adapter.CrmNotFoundException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.UpsertOutcome;

/**
 * A CRM held in memory that records every call: objects by type and id, a unique index on the id
 * property (case-insensitive, like HubSpot's e-mail), and scripted failures.
 */
public class InMemoryCrm implements CrmAdapter {

    /** One adapter call as received. */
    public record Call(String operation, String objectType, Map<String, Object> payload, String idProperty,
            String crmId) {
    }

    private final Map<String, Map<String, Map<String, Object>>> objects = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CrmException> scriptedFailures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CrmException> scriptedBatchFailures = new ConcurrentLinkedQueue<>();
    private volatile Predicate<Call> failWhen = call -> false;
    private volatile CrmException failWith;
    private volatile java.util.function.Consumer<Call> onCall = call -> {
    };
    private final AtomicLong ids = new AtomicLong(1000);

    @Override
    public synchronized String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
        Call call = record(new Call("upsert", objectType, copy(payload), idProperty, crmId));
        Map<String, Map<String, Object>> store = objects.computeIfAbsent(objectType, t -> new LinkedHashMap<>());
        String id = crmId != null && store.containsKey(crmId) ? crmId : findByIdProperty(store, idProperty, payload);
        if (id == null) {
            id = String.valueOf(ids.incrementAndGet());
            store.put(id, new LinkedHashMap<>());
        }
        store.get(id).putAll(call.payload());
        return id;
    }

    @Override
    public synchronized void delete(String objectType, String crmId) {
        record(new Call("delete", objectType, Map.of(), null, crmId));
        Map<String, Map<String, Object>> store = objects.get(objectType);
        if (store == null || store.remove(crmId) == null) {
            throw new CrmNotFoundException("No " + objectType + " with id " + crmId, 404, "OBJECT_NOT_FOUND", null, null);
        }
    }

    @Override
    public boolean supportsBatchUpsert() {
        return true;
    }

    @Override
    public synchronized Map<String, UpsertOutcome> batchUpsert(String objectType, String idProperty,
            List<BatchUpsertInput> inputs) {
        calls.add(new Call("batchUpsert", objectType, Map.of("inputs", inputs.size()), idProperty, null));
        CrmException batchFailure = scriptedBatchFailures.poll();
        if (batchFailure != null) {
            throw batchFailure;
        }
        Map<String, UpsertOutcome> outcomes = new LinkedHashMap<>();
        for (BatchUpsertInput input : inputs) {
            try {
                outcomes.put(input.key(), UpsertOutcome.success(upsert(objectType, input.payload(), idProperty, input.crmId())));
            } catch (CrmRateLimitedException e) {
                throw e; // a rate limit refuses the whole request
            } catch (CrmException e) {
                outcomes.put(input.key(), UpsertOutcome.failure(e));
            }
        }
        return outcomes;
    }

    /** Every call received, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** How many calls of an operation ({@code upsert}, {@code delete}) were received. */
    public long callCount(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).count();
    }

    /** The records of an object type, by CRM id. */
    public synchronized Map<String, Map<String, Object>> objects(String objectType) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        objects.getOrDefault(objectType, Map.of()).forEach((id, properties) -> copy.put(id, copy(properties)));
        return copy;
    }

    /** One record by CRM id. */
    public synchronized Optional<Map<String, Object>> find(String objectType, String crmId) {
        return Optional.ofNullable(objects.getOrDefault(objectType, Map.of()).get(crmId)).map(InMemoryCrm::copy);
    }

    /** The next call fails with this error (queue several to fail several calls). */
    public void failNext(CrmException error) {
        scriptedFailures.add(error);
    }

    /** The next batch call fails as a whole with this error (e.g. the CRM rejects the batch as invalid). */
    public void failNextBatch(CrmException error) {
        scriptedBatchFailures.add(error);
    }

    /** Every call matching the predicate fails with this error until {@link #reset()}. */
    public void failWhen(Predicate<Call> predicate, CrmException error) {
        this.failWith = error;
        this.failWhen = predicate;
    }

    /** Runs a hook inside every call, e.g. to block it while a test looks at the database. */
    public void onCall(java.util.function.Consumer<Call> hook) {
        this.onCall = hook;
    }

    /** Forgets records, calls, hooks and scripted failures. */
    public synchronized void reset() {
        objects.clear();
        calls.clear();
        scriptedFailures.clear();
        scriptedBatchFailures.clear();
        failWhen = call -> false;
        failWith = null;
        onCall = call -> {
        };
    }

    private Call record(Call call) {
        calls.add(call);
        onCall.accept(call);
        CrmException scripted = scriptedFailures.poll();
        if (scripted != null) {
            throw scripted;
        }
        if (failWith != null && failWhen.test(call)) {
            throw failWith;
        }
        return call;
    }

    private static String findByIdProperty(Map<String, Map<String, Object>> store, String idProperty,
            Map<String, Object> payload) {
        if (idProperty == null || payload.get(idProperty) == null) {
            return null;
        }
        String wanted = normalize(payload.get(idProperty));
        return store.entrySet().stream()
                .filter(entry -> entry.getValue().get(idProperty) != null
                        && normalize(entry.getValue().get(idProperty)).equals(wanted))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static String normalize(Object value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return new LinkedHashMap<>(map);
    }

    /** Number of records of an object type. */
    public synchronized int count(String objectType) {
        return objects.getOrDefault(objectType, Map.of()).size();
    }

    /** All calls of one operation. */
    public List<Call> calls(String operation) {
        List<Call> matching = new ArrayList<>();
        calls.forEach(call -> {
            if (call.operation().equals(operation)) {
                matching.add(call);
            }
        });
        return matching;
    }
}
