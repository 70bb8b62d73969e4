package io.quarkiverse.etlify.runtime.onchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityIdentifierMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

import io.quarkiverse.etlify.OnDelete;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.stale.DependencyStep;
import io.quarkiverse.etlify.runtime.stale.OwnerFinder;

/**
 * What the changes of each entity type and collection of one persistence unit concern, worked out once per type from
 * the mappings that watch changes ({@code syncOnChange}, {@code onDelete = DELETE}) of enabled CRMs and from their
 * dependency paths. A type neither mapped nor on a watched path has no interest: its changes cost one map look-up.
 */
final class ChangeWatches {

    private static final EntityInterest NONE = new EntityInterest(List.of(), List.of(), List.of(), List.of(), List.of());

    private final MappingRegistry registry;
    private final Set<Mapping> watching;
    private final Map<Mapping, List<DependencyStep>> steps = new LinkedHashMap<>();
    private final Map<Mapping, Boolean> wholeTables = new LinkedHashMap<>();
    private final Map<String, List<CollectionInterest>> collections = new LinkedHashMap<>();
    private final Map<String, EntityInterest> entities = new ConcurrentHashMap<>();

    /**
     * @param watching the mappings of enabled CRMs whose entities this persistence unit holds and that watch changes
     */
    ChangeWatches(SessionFactoryImplementor factory, MappingRegistry registry, OwnerFinder finder, Set<Mapping> watching) {
        this.registry = registry;
        this.watching = watching;
        for (Mapping mapping : watching) {
            if (!mapping.definition().isSyncOnChange()) {
                continue;
            }
            List<DependencyStep> mappingSteps = finder.steps(mapping, factory);
            steps.put(mapping, mappingSteps);
            wholeTables.put(mapping, finder.ownsWholeTable(mapping, factory));
            for (DependencyStep step : mappingSteps) {
                if (step.collectionRole() != null) {
                    collections.computeIfAbsent(step.collectionRole(), role -> new ArrayList<>())
                            .add(new CollectionInterest(mapping,
                                    step.position() == 1 ? null : new Target(mapping, step.path(), step.position() - 1)));
                }
            }
        }
    }

    /** Whether a mapping watches changes at all. */
    static boolean watches(Mapping mapping) {
        return mapping.definition().isSyncOnChange() || mapping.definition().getOnDelete() == OnDelete.DELETE;
    }

    /** What changes of entities of this persister's type concern; {@code null} for nothing. */
    EntityInterest entity(EntityPersister persister) {
        EntityInterest interest = entities.computeIfAbsent(persister.getEntityName(), name -> interest(persister));
        return interest == NONE ? null : interest;
    }

    /** What a change of a collection of this role concerns; empty for nothing. */
    List<CollectionInterest> collection(String role) {
        return collections.getOrDefault(role, List.of());
    }

    /** Whether a record of this class belongs to the mapping (and not to another mapping of a nearer class). */
    boolean belongs(Class<?> entityClass, Mapping mapping) {
        return registry.mappingFor(entityClass, mapping.crm()).orElse(null) == mapping;
    }

    private EntityInterest interest(EntityPersister persister) {
        Class<?> type = persister.getMappedClass();
        List<Mapping> own = registry.mappingsFor(type).stream().filter(watching::contains).toList();
        List<Mapping> sync = own.stream().filter(m -> m.definition().isSyncOnChange()).toList();
        List<Mapping> delete = own.stream().filter(m -> m.definition().getOnDelete() == OnDelete.DELETE).toList();
        List<Target> lookUps = new ArrayList<>();
        List<ParentLink> parents = new ArrayList<>();
        steps.forEach((mapping, mappingSteps) -> {
            for (DependencyStep step : mappingSteps) {
                if (step.entity() == null || !step.entity().isAssignableFrom(type)) {
                    continue;
                }
                if (step.parentAttribute() == null) {
                    lookUps.add(new Target(mapping, step.path(), step.position()));
                    continue;
                }
                AttributeMapping attribute = persister.findAttributeMapping(step.parentAttribute());
                EntityIdentifierMapping parentIds = ((ToOneAttributeMapping) attribute).getAssociatedEntityMappingType()
                        .getIdentifierMapping();
                boolean parentIsRecord = step.position() == 1;
                parents.add(new ParentLink(attribute.getStateArrayPosition(), parentIds,
                        parentIsRecord && wholeTables.get(mapping) ? mapping : null,
                        parentIsRecord ? (wholeTables.get(mapping) ? null : Target.records(mapping))
                                : new Target(mapping, step.path(), step.position() - 1)));
            }
        });
        if (own.isEmpty() && lookUps.isEmpty() && parents.isEmpty()) {
            return NONE;
        }
        return new EntityInterest(sync, delete, own, List.copyOf(lookUps), List.copyOf(parents));
    }

    /** The mappings of enabled CRMs watching changes whose entity the persistence unit holds. */
    static Set<Mapping> watching(MappingRegistry registry, Predicate<String> crmEnabled, Predicate<Class<?>> heldHere) {
        Set<Mapping> watching = new LinkedHashSet<>();
        for (Mapping mapping : registry.all()) {
            if (watches(mapping) && crmEnabled.test(mapping.crm()) && heldHere.test(mapping.entityType())) {
                watching.add(mapping);
            }
        }
        return watching;
    }

    /**
     * What changes of one entity type concern.
     *
     * @param sync mappings whose records of this type are synced when they are inserted or updated
     * @param delete mappings whose CRM record is deleted when a record of this type is
     * @param own every watching mapping of this type: a record deleted is not synced
     * @param lookUps path steps where this type's rows are looked up (the link to the step before is not theirs)
     * @param parents path steps where this type's rows hold the link to the step before
     */
    record EntityInterest(List<Mapping> sync, List<Mapping> delete, List<Mapping> own, List<Target> lookUps,
            List<ParentLink> parents) {
    }

    /**
     * A to-one attribute of a changed row naming the row of the step before it: its old and new values say which
     * rows are concerned.
     *
     * @param stateIndex the attribute's position in Hibernate's state arrays
     * @param parentIds reads the id of the entity the attribute holds
     * @param direct the mapping whose records the parents are, when they need no look-up; {@code null} otherwise
     * @param lookUp where the parents are looked up when not {@code direct}
     */
    record ParentLink(int stateIndex, EntityIdentifierMapping parentIds, Mapping direct, Target lookUp) {

        /** Adds the parent named by a state array, if any. */
        void add(TransactionChanges changes, Object[] state) {
            Object parent = state == null ? null : state[stateIndex];
            if (parent == null) {
                return;
            }
            Object id = parentIds.getIdentifier(parent);
            if (direct != null) {
                changes.sync(direct, id);
            } else {
                changes.lookUp(lookUp, id);
            }
        }
    }

    /**
     * A collection whose change concerns a mapping's records.
     *
     * @param mapping the mapping
     * @param lookUp where the collection's owner is looked up; {@code null} when the owner is the record itself
     */
    record CollectionInterest(Mapping mapping, Target lookUp) {
    }
}
