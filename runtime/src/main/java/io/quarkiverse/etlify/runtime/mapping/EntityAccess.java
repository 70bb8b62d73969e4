package io.quarkiverse.etlify.runtime.mapping;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.Hibernate;
import org.hibernate.proxy.HibernateProxy;

/**
 * Reads entity attributes by name, through Hibernate proxies. Fields are read directly, which works
 * for Panache public fields and private fields alike.
 */
public final class EntityAccess {

    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private EntityAccess() {
    }

    /** The entity's real class, never a proxy class. */
    public static Class<?> classOf(Object entity) {
        return Hibernate.getClass(entity);
    }

    /** The id of an entity; read from the proxy without initializing it. */
    public static Object id(Object entity, String idAttribute) {
        if (entity instanceof HibernateProxy proxy) {
            return proxy.getHibernateLazyInitializer().getIdentifier();
        }
        return read(entity, idAttribute);
    }

    /** The value of an attribute, or {@code null} when the entity is {@code null}. */
    public static Object read(Object entity, String attribute) {
        if (entity == null) {
            return null;
        }
        Object target = Hibernate.unproxy(entity);
        Field field = field(target.getClass(), attribute);
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + target.getClass().getName() + "." + attribute, e);
        }
    }

    /** Whether the class (or a superclass) declares the attribute. */
    public static boolean hasAttribute(Class<?> type, String attribute) {
        return findField(type, attribute) != null;
    }

    /** The declared type of an attribute. */
    public static Class<?> attributeType(Class<?> type, String attribute) {
        return field(type, attribute).getType();
    }

    /** Values reached from an entity by a dotted path, flattening collections on the way. */
    public static void collect(Object entity, String[] path, int from, Collection<Object> into) {
        if (entity == null) {
            return;
        }
        if (from == path.length) {
            into.add(entity);
            return;
        }
        Object value = read(entity, path[from]);
        if (value instanceof Map<?, ?> map) {
            value = map.values();
        }
        if (value instanceof Iterable<?> values) {
            for (Object element : values) {
                collect(element, path, from + 1, into);
            }
        } else {
            collect(value, path, from + 1, into);
        }
    }

    private static Field field(Class<?> type, String attribute) {
        Field field = findField(type, attribute);
        if (field == null) {
            throw new IllegalArgumentException(type.getName() + " has no attribute " + attribute);
        }
        return field;
    }

    private static Field findField(Class<?> type, String attribute) {
        return FIELDS.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(attribute, name -> {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    Field f = c.getDeclaredField(name);
                    f.setAccessible(true);
                    return f;
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            return null;
        });
    }
}
