package io.quarkiverse.etlify.runtime.airtable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
 * One {@code batchUpsert} call, in requests of at most 10 records (Airtable's limit per request): records with
 * a known record id or a merge-field value go to {@code PATCH} ({@code performUpsert} on the merge field when
 * some of them have no record id), the others to {@code POST}. No record id or merge value appears twice in
 * one request. Each record's id is mapped back from the answer by its record id, else by its merge-field value
 * (read by field id when merging on a field id), else by its position (Airtable answers in the order sent).
 * <p>
 * Airtable refuses a request as a whole when one of its records is invalid (unknown field, value that does not
 * fit): such a request's records are then written one by one, so that only the invalid ones fail. A failure
 * every record shares (refused token, 429 beyond {@code rate-limit.max-wait}, open circuit, server errors
 * outlasting the retries) is thrown, as the batch synchronizer expects of a call failing as a whole.
 */
final class AirtableBatchWriter {

    /** Airtable's limit of records per create, update or delete request. */
    static final int MAX_RECORDS = 10;

    private final AirtableTable table;
    private final Map<String, UpsertOutcome> outcomes = new LinkedHashMap<>();
    // failures of whole requests, to tell "the call failed" from "some records failed"
    private final Set<CrmException> requestFailures = Collections.newSetFromMap(new IdentityHashMap<>());
    private CrmException fatal;

    AirtableBatchWriter(AirtableTable table) {
        this.table = table;
    }

    Map<String, UpsertOutcome> write(String idProperty, List<BatchUpsertInput> inputs) {
        List<AirtableWrite> updates = new ArrayList<>();
        List<AirtableWrite> creates = new ArrayList<>();
        for (BatchUpsertInput input : inputs) {
            outcomes.put(input.key(), null);
            try {
                AirtableWrite write = AirtableWrite.of(input.key(), table.name(), input.payload(), idProperty,
                        input.crmId());
                (write.identity() == null ? creates : updates).add(write);
            } catch (CrmValidationException e) {
                outcomes.put(input.key(), UpsertOutcome.failure(e));
            }
        }
        for (List<AirtableWrite> chunk : chunks(updates, AirtableWrite::identity)) {
            send(chunk, false);
        }
        for (List<AirtableWrite> chunk : chunks(creates, write -> null)) {
            send(chunk, true);
        }
        CrmException wholeCall = sameRequestFailureForAll();
        if (wholeCall != null) {
            throw wholeCall;
        }
        return outcomes;
    }

    private void send(List<AirtableWrite> chunk, boolean create) {
        if (fatal != null) {
            chunk.forEach(write -> fail(write, fatal));
            return;
        }
        AirtableJson.RecordsAnswer answer;
        try {
            answer = create ? table.createMany(chunk) : table.updateMany(chunk, mergeField(chunk));
        } catch (CrmException e) {
            if (isFatal(e)) {
                fatal = e;
            }
            if (e.isRecordSpecific() && fatal == null) {
                oneByOne(chunk, e);
            } else {
                requestFailures.add(e);
                chunk.forEach(write -> fail(write, e));
            }
            return;
        }
        resolve(chunk, answer);
    }

    /** The records of a request Airtable refused for what one of them holds, each written alone. */
    private void oneByOne(List<AirtableWrite> chunk, CrmException refusal) {
        if (chunk.size() == 1 && !(refusal instanceof CrmNotFoundException && chunk.get(0).crmId() != null)) {
            // alone already: the refusal is its own (only a vanished record id is worth another request)
            fail(chunk.get(0), refusal);
            return;
        }
        for (AirtableWrite write : chunk) {
            if (fatal != null) {
                fail(write, fatal);
                continue;
            }
            try {
                outcomes.put(write.key(), UpsertOutcome.success(table.write(write)));
            } catch (CrmException e) {
                if (isFatal(e)) {
                    fatal = e;
                }
                fail(write, e);
            }
        }
    }

    /** The merge field of a {@code PATCH}: only needed when some record of it has no record id. */
    private static String mergeField(List<AirtableWrite> chunk) {
        return chunk.stream().filter(write -> write.crmId() == null).map(AirtableWrite::mergeField).findFirst()
                .orElse(null);
    }

    /** Maps the records of an answer back to the writes of its request. */
    private void resolve(List<AirtableWrite> chunk, AirtableJson.RecordsAnswer answer) {
        List<AirtableJson.RecordAnswer> records = answer.recordsOrEmpty();
        boolean[] claimed = new boolean[records.size()];
        Map<AirtableWrite, Integer> matched = new IdentityHashMap<>();
        for (AirtableWrite write : chunk) {
            int index = identityMatch(write, records, claimed);
            if (index >= 0) {
                claimed[index] = true;
                matched.put(write, index);
            }
        }
        for (int position = 0; position < chunk.size(); position++) {
            AirtableWrite write = chunk.get(position);
            Integer index = matched.get(write);
            if (index == null && records.size() == chunk.size() && !claimed[position]
                    && records.get(position).id() != null) {
                // a value Airtable answers in another form than it was sent: the record at the same place
                claimed[position] = true;
                index = position;
            }
            if (index == null) {
                fail(write, new CrmApiException("Airtable's answer to " + table.path() + " holds no record for this"
                        + " input", 0, null, null, null));
            } else {
                outcomes.put(write.key(), UpsertOutcome.success(records.get(index).id()));
            }
        }
    }

    private static int identityMatch(AirtableWrite write, List<AirtableJson.RecordAnswer> records, boolean[] claimed) {
        String sent = write.crmId() == null && write.mergeValue() != null ? FieldValues.comparable(write.mergeValue())
                : null;
        for (int i = 0; i < records.size(); i++) {
            if (claimed[i] || records.get(i).id() == null) {
                continue;
            }
            AirtableJson.RecordAnswer record = records.get(i);
            if (write.crmId() != null ? write.crmId().equals(record.id())
                    : sent != null && sent.equals(FieldValues.comparable(record.field(write.mergeField())))) {
                return i;
            }
        }
        return -1;
    }

    /** Failures every further request would meet too: a refused token, a paused CRM, an open circuit. */
    private static boolean isFatal(CrmException e) {
        return e instanceof CrmUnauthorizedException || e instanceof CrmRateLimitedException
                || e instanceof CrmUnavailableException;
    }

    private void fail(AirtableWrite write, CrmException failure) {
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

    /**
     * The items in requests of at most {@value #MAX_RECORDS}, in order; an item whose identity (when not
     * {@code null}) is already in a request goes to a later one, since one request cannot write a record twice.
     */
    static <T> List<List<T>> chunks(List<T> items, Function<T, String> identity) {
        List<List<T>> chunks = new ArrayList<>();
        List<Set<String>> identities = new ArrayList<>();
        for (T item : items) {
            String id = identity.apply(item);
            int target = -1;
            for (int i = 0; i < chunks.size() && target < 0; i++) {
                if (chunks.get(i).size() < MAX_RECORDS && (id == null || !identities.get(i).contains(id))) {
                    target = i;
                }
            }
            if (target < 0) {
                chunks.add(new ArrayList<>());
                identities.add(new HashSet<>());
                target = chunks.size() - 1;
            }
            chunks.get(target).add(item);
            if (id != null) {
                identities.get(target).add(id);
            }
        }
        return chunks;
    }
}
