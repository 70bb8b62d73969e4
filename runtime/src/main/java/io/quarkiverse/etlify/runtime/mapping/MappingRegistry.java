package io.quarkiverse.etlify.runtime.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@code @Etlified} mapping of the application, found at build time. A mapping on a class
 * also applies to its subclasses; the nearest mapped class wins.
 */
public final class MappingRegistry {

    private final List<Mapping> mappings;
    private final Map<String, String> updateTimeAttributes;
    private final Map<Class<?>, List<Mapping>> byClass = new ConcurrentHashMap<>();

    public MappingRegistry(List<EntityMapping> definitions, Map<String, String> updateTimeAttributes) {
        this.updateTimeAttributes = Map.copyOf(updateTimeAttributes);
        List<Mapping> loaded = new ArrayList<>();
        for (EntityMapping definition : definitions) {
            loaded.add(new Mapping(definition, load(definition.getEntityClass())));
        }
        this.mappings = Collections.unmodifiableList(loaded);
    }

    public List<Mapping> all() {
        return mappings;
    }

    /** Mappings applying to an entity class, one per CRM. */
    public List<Mapping> mappingsFor(Class<?> entityClass) {
        return byClass.computeIfAbsent(entityClass, type -> {
            Map<String, Mapping> nearest = new java.util.LinkedHashMap<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Mapping mapping : mappings) {
                    if (mapping.entityType() == c) {
                        nearest.putIfAbsent(mapping.crm(), mapping);
                    }
                }
            }
            return List.copyOf(nearest.values());
        });
    }

    /** The mapping of an entity class for one CRM. */
    public Optional<Mapping> mappingFor(Class<?> entityClass, String crm) {
        return mappingsFor(entityClass).stream().filter(mapping -> mapping.crm().equals(crm)).findFirst();
    }

    /** The mapping of a CRM whose sync rows have this {@code resource_type}. */
    public Optional<Mapping> mappingFor(String crm, String resourceType) {
        return mappings.stream().filter(m -> m.crm().equals(crm) && m.resourceType().equals(resourceType)).findFirst();
    }

    /** Mappings of one CRM. */
    public List<Mapping> mappingsOf(String crm) {
        return mappings.stream().filter(m -> m.crm().equals(crm)).toList();
    }

    /** The update-time attribute of an entity class (or its nearest superclass having one), or {@code null}. */
    public String updateTimeAttribute(Class<?> entityClass) {
        for (Class<?> c = entityClass; c != null && c != Object.class; c = c.getSuperclass()) {
            String attribute = updateTimeAttributes.get(c.getName());
            if (attribute != null) {
                return attribute;
            }
        }
        return null;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
