package io.quarkiverse.etlify.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;
import org.jboss.jandex.TypeVariable;

import io.quarkiverse.etlify.OnDelete;
import io.quarkiverse.etlify.runtime.mapping.EntityMapping;

/**
 * Finds {@code @Etlified} mappings in the Jandex index and checks them; every problem is collected
 * with a message naming the entity and attribute, so the build reports them all at once.
 */
final class MappingScanner {

    private final IndexView index;
    private final Set<String> crmNames;
    private final List<String> problems = new ArrayList<>();
    private final List<EntityMapping> mappings = new ArrayList<>();
    private final Map<String, String> updateTimeAttributes = new TreeMap<>();

    MappingScanner(IndexView index, Set<String> crmNames) {
        this.index = index;
        this.crmNames = crmNames;
    }

    List<EntityMapping> mappings() {
        return mappings;
    }

    Map<String, String> updateTimeAttributes() {
        return updateTimeAttributes;
    }

    List<String> problems() {
        return problems;
    }

    MappingScanner scan() {
        // annotations repeated inside the container have no target of their own: pair each with its class
        List<Map.Entry<ClassInfo, AnnotationInstance>> annotations = new ArrayList<>();
        for (AnnotationInstance annotation : index.getAnnotations(DotNames.ETLIFIED)) {
            annotations.add(Map.entry(annotation.target().asClass(), annotation));
        }
        for (AnnotationInstance container : index.getAnnotations(DotNames.ETLIFIED_LIST)) {
            for (AnnotationInstance annotation : container.value().asNestedArray()) {
                annotations.add(Map.entry(container.target().asClass(), annotation));
            }
        }
        annotations.sort((a, b) -> (a.getKey().name() + a.getValue().value("crm").asString())
                .compareTo(b.getKey().name() + b.getValue().value("crm").asString()));
        Set<String> seen = new HashSet<>();
        for (Map.Entry<ClassInfo, AnnotationInstance> annotated : annotations) {
            String crm = annotated.getValue().value("crm").asString();
            for (ClassInfo entity : entitiesMappedBy(annotated.getKey())) {
                if (!seen.add(entity.name() + "|" + crm)) {
                    problems.add(entity.name() + " has two @Etlified mappings for CRM '" + crm
                            + "': keep one per CRM");
                    continue;
                }
                scan(entity, annotated.getValue());
            }
        }
        mappings.sort((a, b) -> (a.getEntityClass() + a.getCrm()).compareTo(b.getEntityClass() + b.getCrm()));
        return this;
    }

    /** The annotated entity, or each nearest entity subclass of an annotated mapped superclass. */
    private List<ClassInfo> entitiesMappedBy(ClassInfo annotated) {
        if (annotated.hasDeclaredAnnotation(DotNames.ENTITY)) {
            return List.of(annotated);
        }
        if (annotated.hasDeclaredAnnotation(DotNames.MAPPED_SUPERCLASS)) {
            List<ClassInfo> entities = new ArrayList<>();
            for (ClassInfo sub : index.getAllKnownSubclasses(annotated.name())) {
                if (sub.hasDeclaredAnnotation(DotNames.ENTITY) && !hasEntityAncestorBelow(sub, annotated.name())) {
                    entities.add(sub);
                }
            }
            entities.sort((a, b) -> a.name().compareTo(b.name()));
            return entities;
        }
        problems.add(annotated.name() + " is @Etlified but is neither an @Entity nor a @MappedSuperclass");
        return List.of();
    }

    private boolean hasEntityAncestorBelow(ClassInfo sub, DotName top) {
        for (ClassInfo c = superclass(sub); c != null && !c.name().equals(top); c = superclass(c)) {
            if (c.hasDeclaredAnnotation(DotNames.ENTITY)) {
                return true;
            }
        }
        return false;
    }

    private void scan(ClassInfo entity, AnnotationInstance annotation) {
        String crm = annotation.value("crm").asString();
        String where = "@Etlified(crm = \"" + crm + "\") on " + entity.name();
        int before = problems.size();
        if (!crmNames.contains(crm)) {
            problems.add(where + ": unknown CRM '" + crm + "'; declared CRMs are " + new java.util.TreeSet<>(crmNames)
                    + " (declare one with quarkus.etlify.crm." + crm + ".adapter=...)");
        }
        String idAttribute = idAttribute(entity, where);
        String explicitUpdatedAt = stringValue(annotation, "updatedAt");
        String updatedAt = updateTimeAttribute(entity);
        if (!explicitUpdatedAt.isEmpty()) {
            if (attributeType(entity, explicitUpdatedAt) == null) {
                problems.add(where + ": updatedAt names '" + explicitUpdatedAt + "', which " + entity.name()
                        + " does not have");
            }
            updatedAt = explicitUpdatedAt;
        } else if (updatedAt == null) {
            problems.add(where + ": " + entity.name() + " has no update-time attribute: annotate one with"
                    + " @UpdateTimestamp, name it updatedAt, or name it with @Etlified(updatedAt = \"...\")");
        }
        Type serializer = annotation.value("serializer").asClass();
        checkTypeArgument(where, "serializer", serializer.name(), DotNames.CRM_SERIALIZER, entity);
        AnnotationValue guardValue = annotation.value("syncIf");
        String guard = guardValue == null || guardValue.asClass().name().equals(DotNames.ALWAYS) ? ""
                : guardValue.asClass().name().toString();
        if (!guard.isEmpty()) {
            checkTypeArgument(where, "syncIf", guardValue.asClass().name(), DotNames.SYNC_GUARD, entity);
        }
        AnnotationValue dispatcherValue = annotation.value("dispatcher");
        String dispatcher = dispatcherValue == null || dispatcherValue.asClass().name().equals(DotNames.DEFAULT_DISPATCHER)
                ? ""
                : dispatcherValue.asClass().name().toString();
        List<String> dependencies = stringList(annotation, "dependencies");
        List<String> syncDependencies = stringList(annotation, "syncDependencies");
        for (String path : dependencies) {
            checkPath(where, "dependencies", entity, path, true);
        }
        for (String path : syncDependencies) {
            checkPath(where, "syncDependencies", entity, path, false);
        }
        String staleScope = stringValue(annotation, "staleScope");
        if (!staleScope.isEmpty() && !staleScope.contains("{e}")) {
            problems.add(where + ": staleScope must refer to the entity through the {e} alias, e.g. \"{e}.active = true\"");
        }
        String objectType = stringValue(annotation, "objectType");
        if (objectType.isBlank()) {
            problems.add(where + ": objectType must not be empty");
        }
        if (problems.size() > before) {
            return;
        }
        updateTimeAttributes.put(entity.name().toString(), updatedAt);
        mappings.add(new EntityMapping(entity.name().toString(), entityName(entity), crm, objectType,
                stringValue(annotation, "idProperty"), serializer.name().toString(), guard, dispatcher, staleScope,
                dependencies, syncDependencies, idAttribute, updatedAt, booleanValue(annotation, "syncOnChange"),
                onDelete(annotation)));
    }

    private String entityName(ClassInfo entity) {
        AnnotationInstance annotation = entity.declaredAnnotation(DotNames.ENTITY);
        AnnotationValue name = annotation == null ? null : annotation.value("name");
        return name == null || name.asString().isEmpty() ? entity.simpleName() : name.asString();
    }

    private String idAttribute(ClassInfo entity, String where) {
        List<String> ids = new ArrayList<>();
        boolean panacheEntity = false;
        for (ClassInfo c = entity; c != null; c = superclass(c)) {
            if (c.hasDeclaredAnnotation(DotNames.ID_CLASS)) {
                problems.add(where + ": composite ids (@IdClass on " + c.name() + ") are not supported: use a single id");
                return null;
            }
            for (FieldInfo field : c.fields()) {
                if (field.hasAnnotation(DotNames.EMBEDDED_ID)) {
                    problems.add(where + ": composite ids (@EmbeddedId " + field.name()
                            + ") are not supported: use a single id");
                    return null;
                }
                if (field.hasAnnotation(DotNames.ID)) {
                    ids.add(field.name());
                }
            }
            if (DotNames.PANACHE_ENTITY.equals(c.superName())) {
                panacheEntity = true;
            }
        }
        if (ids.size() > 1) {
            problems.add(where + ": composite ids (" + String.join(", ", ids) + ") are not supported: use a single id");
            return null;
        }
        if (ids.isEmpty() && panacheEntity) {
            return "id";
        }
        if (ids.isEmpty()) {
            problems.add(where + ": " + entity.name() + " has no @Id field");
            return null;
        }
        return ids.get(0);
    }

    private String updateTimeAttribute(ClassInfo entity) {
        for (ClassInfo c = entity; c != null; c = superclass(c)) {
            for (FieldInfo field : c.fields()) {
                if (field.hasAnnotation(DotNames.UPDATE_TIMESTAMP)) {
                    return field.name();
                }
            }
        }
        return attributeType(entity, "updatedAt") != null ? "updatedAt" : null;
    }

    /** Walks a dotted association path; dependency targets must have an update-time attribute. */
    private void checkPath(String where, String option, ClassInfo entity, String path, boolean needsUpdateTime) {
        ClassInfo current = entity;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String polymorphic = polymorphicAnnotation(current, segment);
            if (polymorphic != null) {
                problems.add(where + ": " + option + " path '" + path + "' goes through the " + polymorphic
                        + " association " + current.name() + "." + segment + ", which Etlify cannot follow (its target"
                        + " table depends on a discriminator value): map one nullable association per target type"
                        + " instead (e.g. @ManyToOne user and @ManyToOne company rather than an @Any owner) and list"
                        + " each of them in " + option + "; see \"Polymorphic owners\" in the README");
                return;
            }
            Type type = attributeType(current, segment);
            if (type == null) {
                problems.add(where + ": " + option + " path '" + path + "' is unknown: " + current.name()
                        + " has no attribute '" + segment + "'");
                return;
            }
            ClassInfo target = index.getClassByName(elementType(type).name());
            boolean entityTarget = target != null && target.hasDeclaredAnnotation(DotNames.ENTITY);
            if (!entityTarget) {
                if (i == segments.length - 1 && needsUpdateTime && isCollection(type)) {
                    return; // an element collection: its rows belong to the owner
                }
                problems.add(where + ": " + option + " path '" + path + "' is unknown: " + current.name() + "."
                        + segment + " is not an association to an entity");
                return;
            }
            current = target;
        }
        if (needsUpdateTime) {
            String updatedAt = updateTimeAttribute(current);
            if (updatedAt == null) {
                problems.add(where + ": dependency '" + path + "' leads to " + current.name()
                        + ", which has no update-time attribute (@UpdateTimestamp or updatedAt): its changes could not be seen");
            } else {
                updateTimeAttributes.putIfAbsent(current.name().toString(), updatedAt);
            }
        }
    }

    /** Checks that {@code implementation} implements {@code spi<X>} with X the entity or one of its supertypes. */
    private void checkTypeArgument(String where, String option, DotName implementation, DotName spi, ClassInfo entity) {
        ClassInfo implementationClass = index.getClassByName(implementation);
        if (implementationClass == null) {
            problems.add(where + ": " + option + " " + implementation + " is not in the application index");
            return;
        }
        Type argument = typeArgument(implementationClass, spi, Map.of());
        if (argument == null || argument.kind() != Type.Kind.CLASS && argument.kind() != Type.Kind.PARAMETERIZED_TYPE) {
            problems.add(where + ": " + option + " " + implementation + " must declare its entity type, e.g. implements "
                    + spi.withoutPackagePrefix() + "<" + entity.simpleName() + ">");
            return;
        }
        if (!isSubtype(entity, argument.name())) {
            problems.add(where + ": " + option + " " + implementation + " handles " + argument.name() + ", not "
                    + entity.name());
        }
    }

    private Type typeArgument(ClassInfo type, DotName spi, Map<String, Type> bindings) {
        List<Type> supertypes = new ArrayList<>(type.interfaceTypes());
        if (type.superClassType() != null) {
            supertypes.add(type.superClassType());
        }
        for (Type supertype : supertypes) {
            if (supertype.name().equals(spi)) {
                if (supertype.kind() != Type.Kind.PARAMETERIZED_TYPE) {
                    return null;
                }
                return substitute(supertype.asParameterizedType().arguments().get(0), bindings);
            }
            ClassInfo superClass = index.getClassByName(supertype.name());
            if (superClass == null) {
                continue;
            }
            Map<String, Type> superBindings = new HashMap<>();
            if (supertype.kind() == Type.Kind.PARAMETERIZED_TYPE) {
                List<Type> arguments = supertype.asParameterizedType().arguments();
                List<TypeVariable> parameters = superClass.typeParameters();
                for (int i = 0; i < Math.min(arguments.size(), parameters.size()); i++) {
                    superBindings.put(parameters.get(i).identifier(), substitute(arguments.get(i), bindings));
                }
            }
            Type found = typeArgument(superClass, spi, superBindings);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Type substitute(Type type, Map<String, Type> bindings) {
        if (type != null && type.kind() == Type.Kind.TYPE_VARIABLE) {
            return bindings.get(type.asTypeVariable().identifier());
        }
        return type;
    }

    private boolean isSubtype(ClassInfo type, DotName candidate) {
        if (candidate.equals(DotNames.OBJECT)) {
            return true;
        }
        for (ClassInfo c = type; c != null; c = superclass(c)) {
            if (c.name().equals(candidate) || c.interfaceNames().contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** The declared type of an attribute (field, else getter), searching superclasses; {@code null} when absent. */
    private Type attributeType(ClassInfo type, String attribute) {
        FieldInfo field = field(type, attribute);
        if (field != null) {
            return field.type();
        }
        String capitalized = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
        for (ClassInfo c = type; c != null; c = superclass(c)) {
            for (String getter : List.of("get" + capitalized, "is" + capitalized)) {
                MethodInfo method = c.method(getter);
                if (method != null) {
                    return method.returnType();
                }
            }
        }
        return null;
    }

    /** {@code "@Any"} or {@code "@ManyToAny"} when the attribute's field or getter carries it; else {@code null}. */
    private String polymorphicAnnotation(ClassInfo type, String attribute) {
        String capitalized = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
        for (ClassInfo c = type; c != null; c = superclass(c)) {
            List<AnnotationTarget> targets = new ArrayList<>();
            targets.add(c.field(attribute));
            targets.add(c.method("get" + capitalized));
            targets.add(c.method("is" + capitalized));
            for (AnnotationTarget target : targets) {
                if (target != null && target.hasDeclaredAnnotation(DotNames.ANY)) {
                    return "@Any";
                }
                if (target != null && target.hasDeclaredAnnotation(DotNames.MANY_TO_ANY)) {
                    return "@ManyToAny";
                }
            }
        }
        return null;
    }

    private FieldInfo field(ClassInfo type, String name) {
        for (ClassInfo c = type; c != null; c = superclass(c)) {
            FieldInfo field = c.field(name);
            if (field != null) {
                return field;
            }
        }
        return null;
    }

    /** The element type of a collection, map (its values) or array; the type itself otherwise. */
    private Type elementType(Type type) {
        if (type.kind() == Type.Kind.ARRAY) {
            return type.asArrayType().elementType();
        }
        if (type.kind() == Type.Kind.PARAMETERIZED_TYPE && isCollection(type)) {
            List<Type> arguments = type.asParameterizedType().arguments();
            return arguments.get(arguments.size() - 1);
        }
        return type;
    }

    private boolean isCollection(Type type) {
        if (type.kind() == Type.Kind.ARRAY) {
            return true;
        }
        try {
            Class<?> raw = Class.forName(type.name().toString(), false, MappingScanner.class.getClassLoader());
            return Collection.class.isAssignableFrom(raw) || java.util.Map.class.isAssignableFrom(raw);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private ClassInfo superclass(ClassInfo type) {
        DotName superName = type.superName();
        return superName == null || superName.equals(DotNames.OBJECT) ? null : index.getClassByName(superName);
    }

    private static String stringValue(AnnotationInstance annotation, String name) {
        AnnotationValue value = annotation.value(name);
        return value == null ? "" : value.asString().trim();
    }

    private static boolean booleanValue(AnnotationInstance annotation, String name) {
        AnnotationValue value = annotation.value(name);
        return value != null && value.asBoolean();
    }

    private static OnDelete onDelete(AnnotationInstance annotation) {
        AnnotationValue value = annotation.value("onDelete");
        return value == null ? OnDelete.KEEP : OnDelete.valueOf(value.asEnum());
    }

    private static List<String> stringList(AnnotationInstance annotation, String name) {
        AnnotationValue value = annotation.value(name);
        return value == null ? List.of() : Arrays.stream(value.asStringArray()).map(String::trim).toList();
    }
}
