package io.quarkiverse.etlify.runtime.stale;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.DiscriminatedAssociationModelPart;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.internal.EntityCollectionPart;
import org.hibernate.metamodel.mapping.internal.ManyToManyCollectionPart;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;

import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.stale.MappingTables.ColumnPair;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Path;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Relation;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Step;
import io.quarkiverse.etlify.runtime.stale.MappingTables.Table;

/**
 * Reads one mapping's {@link MappingTables} from Hibernate's mapping model: its id and update-time columns,
 * and the join columns, join tables and collection tables of its dependency paths; the rows of each entity
 * type within its hierarchy come from {@link EntityRowsReader}. What the stale statements cannot read
 * throws an {@link UnsupportedMappingException} naming the entity and the dependency path; the finder
 * reads every mapping at start-up, so such a mapping stops the application there.
 */
final class MappingTablesReader {

    private final MappingRegistry registry;
    private final Mapping mapping;

    MappingTablesReader(MappingRegistry registry, Mapping mapping) {
        this.registry = registry;
        this.mapping = mapping;
    }

    /** The mapping's tables; fails with every problem of the mapping at once. */
    MappingTables read(EntityMappingType owner) {
        List<String> problems = new ArrayList<>();
        Relation records = orProblem(() -> relation(owner, excludedSubtypes(owner), null), problems);
        String idColumn = orProblem(() -> idColumn(owner), problems);
        String updateTime = orProblem(() -> updateTimeColumn(owner, mapping.definition().getUpdatedAtAttribute(), null),
                problems);
        List<Path> dependencies = new ArrayList<>();
        for (String path : mapping.definition().getDependencies()) {
            dependencies.add(orProblem(() -> path(owner, path), problems));
        }
        if (!problems.isEmpty()) {
            throw new UnsupportedMappingException(problems);
        }
        return new MappingTables(boxed(owner.getIdentifierMapping().getJavaType().getJavaTypeClass()), records, idColumn,
                updateTime, mapping.definition().getStaleScope(), List.copyOf(dependencies));
    }

    private String idColumn(EntityMappingType owner) {
        List<String> columns = columns(owner.getIdentifierMapping());
        if (columns.size() != 1) {
            throw unsupported(null, "its id spans " + columns.size() + " columns: use a single-column id");
        }
        return columns.get(0);
    }

    private Path path(EntityMappingType owner, String path) {
        String where = "dependency '" + path + "'";
        List<Step> steps = new ArrayList<>();
        EntityMappingType current = owner;
        String[] segments = path.split("\\.");
        List<String> elementColumns = null;
        for (int i = 0; i < segments.length; i++) {
            AttributeMapping attribute = current.findAttributeMapping(segments[i]);
            if (attribute == null) {
                throw unsupported(where, current.getEntityName() + " has no attribute '" + segments[i] + "'");
            }
            String name = current.getEntityName() + "." + attribute.getAttributeName();
            if (attribute instanceof DiscriminatedAssociationModelPart || attribute instanceof PluralAttributeMapping p
                    && p.getElementDescriptor() instanceof DiscriminatedAssociationModelPart) {
                throw unsupported(where, name + " is a polymorphic association (@Any, @ManyToAny), which the stale"
                        + " finder cannot follow: map one nullable association per target type and list each in"
                        + " dependencies");
            }
            if (attribute instanceof ToOneAttributeMapping toOne) {
                EntityMappingType target = toOne.getAssociatedEntityMappingType();
                ForeignKeyDescriptor fk = toOne.getForeignKeyDescriptor();
                boolean keyHere = toOne.getSideNature() == ForeignKeyDescriptor.Nature.KEY;
                // hasJoinTable() is set on the inverse side only: an owning side's key lies in its join table
                if (toOne.hasJoinTable() || keyHere && !EntityRowsReader.tables(current).contains(fk.getKeyTable())) {
                    throw unsupported(where, name + " is a to-one association through a join table or a secondary"
                            + " table, which the stale finder does not read: map it with a join column of the entity's table");
                }
                List<ColumnPair> on = keyHere ? pairs(fk.getKeyPart(), fk.getTargetPart())
                        : pairs(fk.getTargetPart(), fk.getKeyPart());
                steps.add(new Step(relation(target, Set.of(), where), on, !keyHere, javaClass(target), singleIdColumn(target),
                        null, keyHere ? null : parentAttribute(target, on, current)));
                current = target;
            } else if (attribute instanceof PluralAttributeMapping plural) {
                if (plural.hasWhereRestrictions() || plural.getSoftDeleteMapping() != null) {
                    throw unsupported(where, name + " has a @SQLRestriction or @SoftDelete, which the stale finder"
                            + " does not apply: remove it or leave the path out of dependencies");
                }
                ForeignKeyDescriptor key = plural.getKeyDescriptor();
                List<ColumnPair> toCollection = pairs(key.getTargetPart(), key.getKeyPart());
                CollectionPart element = plural.getElementDescriptor();
                String collectionTable = plural.getSeparateCollectionTable();
                String role = plural.getCollectionDescriptor().getRole();
                if (collectionTable == null && element instanceof EntityCollectionPart child) {
                    EntityMappingType parent = current;
                    current = child.getAssociatedEntityMappingType();
                    steps.add(new Step(relation(current, Set.of(), where), toCollection, true, javaClass(current),
                            singleIdColumn(current), role, parentAttribute(current, toCollection, parent)));
                } else if (element instanceof ManyToManyCollectionPart target) {
                    steps.add(new Step(new Table(collectionTable), toCollection, true, null, null, role, null));
                    ForeignKeyDescriptor fk = target.getForeignKeyDescriptor();
                    boolean keyInCollection = fk.getKeyTable().equals(collectionTable);
                    current = target.getAssociatedEntityMappingType();
                    steps.add(new Step(relation(current, Set.of(), where), keyInCollection
                            ? pairs(fk.getKeyPart(), fk.getTargetPart())
                            : pairs(fk.getTargetPart(), fk.getKeyPart()), false, javaClass(current),
                            singleIdColumn(current), null, null));
                } else if (collectionTable != null && !(element instanceof EntityCollectionPart)
                        && i == segments.length - 1) {
                    // an element collection: its rows are the values reached
                    steps.add(new Step(new Table(collectionTable), toCollection, true, null, null, role, null));
                    elementColumns = columns(element);
                    current = null;
                } else {
                    throw unsupported(where, name + " is a collection the stale finder cannot follow: leave the path"
                            + " out of dependencies");
                }
            } else {
                throw unsupported(where, name + " is not an association: dependencies follow associations");
            }
        }
        String time = null;
        if (current != null) {
            if (current.hasWhereRestrictions() || current.getSoftDeleteMapping() != null) {
                throw unsupported(where, current.getEntityName() + " has a @SQLRestriction or @SoftDelete, which the"
                        + " stale finder does not apply: remove it or leave the path out of dependencies");
            }
            String attribute = registry.updateTimeAttribute(current.getJavaType().getJavaTypeClass());
            time = attribute == null ? null : updateTimeColumn(current, attribute, where);
        }
        return new Path(path, List.copyOf(steps), time, elementColumns);
    }

    /**
     * The to-one attribute of {@code child} whose foreign key is the link {@code on} from {@code parent} to it, when
     * the link leads to the parent's id; {@code null} when none (a unidirectional one-to-many's key has no attribute).
     */
    private static String parentAttribute(EntityMappingType child, List<ColumnPair> on, EntityMappingType parent) {
        if (!on.stream().map(ColumnPair::near).toList().equals(columns(parent.getIdentifierMapping()))) {
            return null;
        }
        List<String> keyColumns = on.stream().map(ColumnPair::far).toList();
        for (int i = 0; i < child.getNumberOfAttributeMappings(); i++) {
            AttributeMapping attribute = child.getAttributeMapping(i);
            if (attribute instanceof ToOneAttributeMapping toOne
                    && toOne.getSideNature() == ForeignKeyDescriptor.Nature.KEY
                    && columns(toOne.getForeignKeyDescriptor().getKeyPart()).equals(keyColumns)) {
                return toOne.getAttributeName();
            }
        }
        return null;
    }

    private static Class<?> javaClass(EntityMappingType type) {
        return type.getJavaType().getJavaTypeClass();
    }

    private static String singleIdColumn(EntityMappingType type) {
        List<String> columns = columns(type.getIdentifierMapping());
        return columns.size() == 1 ? columns.get(0) : null;
    }

    private String updateTimeColumn(EntityMappingType type, String attribute, String where) {
        AttributeMapping mapped = type.findAttributeMapping(attribute);
        List<SelectableMapping> columns = new ArrayList<>();
        if (mapped != null) {
            mapped.forEachSelectable((i, selectable) -> columns.add(selectable));
        }
        if (columns.size() != 1 || !EntityRowsReader.tables(type).contains(columns.get(0).getContainingTableExpression())) {
            throw unsupported(where, type.getEntityName() + "." + attribute + ", the update time, is not one column of"
                    + " the entity's table: map it to a single timestamp column there");
        }
        return columns.get(0).getSelectionExpression();
    }

    /** The rows of an entity type, its subtypes' rows included, {@code excluded} subtypes' rows not. */
    private Relation relation(EntityMappingType type, Set<EntityMappingType> excluded, String where) {
        try {
            return EntityRowsReader.rows(type, excluded);
        } catch (UnsupportedMappingException e) {
            throw unsupported(where, e.getMessage());
        }
    }

    /**
     * Subtypes whose rows belong to another mapping for the same CRM: a mapping on a class applies to
     * its subclasses unless a nearer class is mapped (see {@link MappingRegistry#mappingsFor}).
     */
    private Set<EntityMappingType> excludedSubtypes(EntityMappingType type) {
        Set<EntityMappingType> excluded = new LinkedHashSet<>();
        for (EntityMappingType subtype : type.getSubMappingTypes()) {
            Class<?> javaType = subtype.getJavaType().getJavaTypeClass();
            if (registry.mappingFor(javaType, mapping.crm()).orElse(null) != mapping) {
                excluded.add(subtype);
            } else {
                excluded.addAll(excludedSubtypes(subtype));
            }
        }
        return excluded;
    }

    private UnsupportedMappingException unsupported(String where, String why) {
        return new UnsupportedMappingException(List.of(mapping + ": " + (where == null ? "" : where + ": ") + why));
    }

    private static <T> T orProblem(Supplier<T> read, List<String> problems) {
        try {
            return read.get();
        } catch (UnsupportedMappingException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static List<ColumnPair> pairs(ModelPart near, ModelPart far) {
        List<String> nearColumns = columns(near);
        List<String> farColumns = columns(far);
        List<ColumnPair> pairs = new ArrayList<>();
        for (int i = 0; i < nearColumns.size(); i++) {
            pairs.add(new ColumnPair(nearColumns.get(i), farColumns.get(i)));
        }
        return pairs;
    }

    private static List<String> columns(ModelPart part) {
        List<String> columns = new ArrayList<>();
        part.forEachSelectable((i, selectable) -> columns.add(selectable.getSelectionExpression()));
        return columns;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == long.class ? Long.class : type == int.class ? Integer.class : type == short.class ? Short.class
                : type;
    }
}
