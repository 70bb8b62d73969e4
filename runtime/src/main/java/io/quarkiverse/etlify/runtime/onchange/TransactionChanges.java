package io.quarkiverse.etlify.runtime.onchange;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.etlify.runtime.mapping.Mapping;

/**
 * What one transaction's flushes changed that mappings care about, collected in memory as Hibernate reports it and
 * turned into requests once, before the transaction commits: ids only, no entity kept.
 */
final class TransactionChanges {

    /** Records to sync, by mapping. */
    final Map<Mapping, Set<Object>> toSync = new LinkedHashMap<>();
    /** Records whose CRM record is to be deleted, by mapping. */
    final Map<Mapping, Set<Object>> toDelete = new LinkedHashMap<>();
    /** Records deleted in the transaction: no sync is requested for them. */
    final Map<Mapping, Set<Object>> deleted = new LinkedHashMap<>();
    /** Changed rows whose records are found by a look-up at completion. */
    final Map<Target, Set<Object>> toLookUp = new LinkedHashMap<>();
    /** The CRMs whose built-in queue received requests: their workers are woken once the transaction committed. */
    final Set<String> queued = new LinkedHashSet<>();
    private boolean recorded;

    void sync(Mapping mapping, Object id) {
        add(toSync, mapping, id);
    }

    void delete(Mapping mapping, Object id) {
        add(toDelete, mapping, id);
    }

    void deleted(Mapping mapping, Object id) {
        add(deleted, mapping, id);
    }

    void lookUp(Target target, Object id) {
        add(toLookUp, target, id);
    }

    boolean isEmpty() {
        return toSync.isEmpty() && toDelete.isEmpty() && toLookUp.isEmpty();
    }

    /** Marks the changes as turned into requests; {@code false} when they already were. */
    boolean markRecorded() {
        boolean first = !recorded;
        recorded = true;
        return first;
    }

    boolean isRecorded() {
        return recorded;
    }

    private static <K> void add(Map<K, Set<Object>> map, K key, Object id) {
        if (id != null) {
            map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }
    }
}
