package io.quarkiverse.etlify.hubspot.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's state: CRM objects per type, with unique-value indexes. Thread-safe; every method is atomic, so
 * concurrent upserts of the same unique value cannot create duplicates.
 */
final class ObjectStore {

    /** HubSpot always renders timestamps with milliseconds. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final long FIRST_ID = 1001;

    private final UniqueProperties uniqueProperties;
    private final Map<String, TypeTable> tables = new HashMap<>();
    private long nextId = FIRST_ID;
    private Instant lastTimestamp = Instant.EPOCH;

    ObjectStore(UniqueProperties uniqueProperties) {
        this.uniqueProperties = uniqueProperties;
    }

    /** Result of an upsert: the object and whether it was created. */
    record Upserted(CrmObject object, boolean created) {
    }

    synchronized void reset() {
        tables.clear();
        nextId = FIRST_ID;
    }

    synchronized CrmObject create(String type, Map<String, String> properties) throws UniqueConflictException {
        TypeTable table = table(type);
        Map<String, String> values = nonEmpty(properties);
        checkUnique(table, type, null, values);
        Instant now = now();
        Stored stored = new Stored(Long.toString(nextId++), now);
        stored.properties.putAll(values);
        stored.properties.put(ObjectTypes.HS_OBJECT_ID, stored.id);
        stored.properties.putIfAbsent(ObjectTypes.CREATEDATE, TIMESTAMP.format(now));
        touch(type, stored, now);
        table.active.put(stored.id, stored);
        table.index(stored);
        return snapshot(type, stored);
    }

    /**
     * Updates an active object; {@code ""} clears a property.
     *
     * @return the updated object, empty when there is no active object with that id
     */
    synchronized Optional<CrmObject> update(String type, String id, Map<String, String> properties)
            throws UniqueConflictException {
        TypeTable table = table(type);
        Stored stored = table.active.get(id);
        if (stored == null) {
            return Optional.empty();
        }
        apply(table, type, stored, properties);
        return Optional.of(snapshot(type, stored));
    }

    /**
     * Updates the object whose {@code idProperty} holds {@code idValue}, or creates it with that value.
     *
     * @return empty when {@code idProperty} is {@code hs_object_id} and no such object exists (ids cannot be chosen)
     */
    synchronized Optional<Upserted> upsert(String type, String idProperty, String idValue,
            Map<String, String> properties) throws UniqueConflictException {
        TypeTable table = table(type);
        String id = resolveId(type, idValue, idProperty);
        if (id != null && table.active.containsKey(id)) {
            Stored stored = table.active.get(id);
            apply(table, type, stored, properties);
            return Optional.of(new Upserted(snapshot(type, stored), false));
        }
        if (ObjectTypes.HS_OBJECT_ID.equals(idProperty)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>(properties);
        values.put(idProperty, idValue);
        return Optional.of(new Upserted(create(type, values), true));
    }

    synchronized boolean archive(String type, String id) {
        TypeTable table = table(type);
        Stored stored = table.active.remove(id);
        if (stored == null) {
            return false;
        }
        table.unindex(stored);
        stored.archivedAt = now();
        table.archived.put(id, stored);
        return true;
    }

    /**
     * Resolves an id or unique value to an object id; the object may or may not exist (or be archived).
     *
     * @return the id, {@code null} when no active object holds the unique value
     */
    synchronized String resolveId(String type, String idOrValue, String idProperty) {
        if (idProperty == null || ObjectTypes.HS_OBJECT_ID.equals(idProperty)) {
            return idOrValue;
        }
        Map<String, String> index = table(type).indexes.get(idProperty);
        return index == null ? null : index.get(uniqueProperties.normalize(type, idProperty, idOrValue));
    }

    synchronized Optional<CrmObject> get(String type, String id, boolean archived) {
        TypeTable table = table(type);
        Stored stored = archived ? table.archived.get(id) : table.active.get(id);
        return Optional.ofNullable(stored).map(s -> snapshot(type, s));
    }

    /** Objects in creation order. */
    synchronized List<CrmObject> list(String type, boolean archived) {
        TypeTable table = tables.get(type);
        if (table == null) {
            return List.of();
        }
        List<CrmObject> result = new ArrayList<>();
        (archived ? table.archived : table.active).values().forEach(s -> result.add(snapshot(type, s)));
        result.sort((a, b) -> Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id())));
        return result;
    }

    synchronized int count(String type) {
        TypeTable table = tables.get(type);
        return table == null ? 0 : table.active.size();
    }

    synchronized Optional<CrmObject> findBy(String type, String property, String value) {
        if (uniqueProperties.isUnique(type, property)) {
            String id = resolveId(type, value, property);
            return id == null ? Optional.empty() : get(type, id, false);
        }
        return list(type, false).stream().filter(o -> value.equals(o.property(property))).findFirst();
    }

    private void apply(TypeTable table, String type, Stored stored, Map<String, String> properties)
            throws UniqueConflictException {
        Map<String, String> sets = nonEmpty(properties);
        checkUnique(table, type, stored.id, sets);
        table.unindex(stored);
        properties.forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                stored.properties.remove(name);
            } else {
                stored.properties.put(name, value);
            }
        });
        stored.properties.put(ObjectTypes.HS_OBJECT_ID, stored.id);
        table.index(stored);
        touch(type, stored, now());
    }

    private void touch(String type, Stored stored, Instant now) {
        stored.updatedAt = now;
        stored.properties.put(ObjectTypes.LASTMODIFIEDDATE, TIMESTAMP.format(now));
        if (!ObjectTypes.CONTACTS.equals(type)) {
            stored.properties.put(ObjectTypes.HS_LASTMODIFIEDDATE, TIMESTAMP.format(now));
        }
    }

    private void checkUnique(TypeTable table, String type, String selfId, Map<String, String> values)
            throws UniqueConflictException {
        for (String property : uniqueProperties.valueProperties(type)) {
            String value = values.get(property);
            if (value == null) {
                continue;
            }
            Map<String, String> index = table.indexes.get(property);
            String holder = index == null ? null : index.get(uniqueProperties.normalize(type, property, value));
            if (holder != null && !holder.equals(selfId)) {
                throw new UniqueConflictException(property, holder);
            }
        }
    }

    /** Timestamps never go backwards and strictly increase, so updatedAt always moves on a write. */
    private Instant now() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!now.isAfter(lastTimestamp)) {
            now = lastTimestamp.plusMillis(1);
        }
        lastTimestamp = now;
        return now;
    }

    private static Map<String, String> nonEmpty(Map<String, String> properties) {
        Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                values.put(name, value);
            }
        });
        return values;
    }

    private TypeTable table(String type) {
        return tables.computeIfAbsent(type, TypeTable::new);
    }

    private static CrmObject snapshot(String type, Stored stored) {
        return new CrmObject(type, stored.id, stored.properties, stored.createdAt, stored.updatedAt, stored.archivedAt);
    }

    /** Mutable object state, only touched under the store's lock. */
    private static final class Stored {
        final String id;
        final Map<String, String> properties = new LinkedHashMap<>();
        final Instant createdAt;
        Instant updatedAt;
        Instant archivedAt;

        Stored(String id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    /** One object type's objects and unique-value indexes (normalized value to id). */
    private final class TypeTable {
        final String type;
        final Map<String, Stored> active = new LinkedHashMap<>();
        final Map<String, Stored> archived = new LinkedHashMap<>();
        final Map<String, Map<String, String>> indexes = new HashMap<>();

        TypeTable(String type) {
            this.type = type;
        }

        void index(Stored stored) {
            for (String property : uniqueProperties.valueProperties(type)) {
                String value = stored.properties.get(property);
                if (value != null) {
                    indexes.computeIfAbsent(property, p -> new HashMap<>())
                            .put(uniqueProperties.normalize(type, property, value), stored.id);
                }
            }
        }

        void unindex(Stored stored) {
            for (String property : uniqueProperties.valueProperties(type)) {
                String value = stored.properties.get(property);
                Map<String, String> index = indexes.get(property);
                if (value != null && index != null) {
                    index.remove(uniqueProperties.normalize(type, property, value), stored.id);
                }
            }
        }
    }
}
