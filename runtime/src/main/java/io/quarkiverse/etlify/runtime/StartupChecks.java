package io.quarkiverse.etlify.runtime;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;

import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up: builds the CRM registry (after the {@link ConfigValidator} accepted the configuration,
 * so an adapter that cannot be created stops the application), cross-checks every mapping against
 * the Hibernate metamodel, and has the stale finder build the statements of every mapping that passed,
 * refusing those it cannot read in SQL. All problems are reported at once.
 */
@Singleton
class StartupChecks {

    void onStart(@Observes StartupEvent event, CrmRegistry crms, MappingRegistry mappings, StaleRecordFinder finder) {
        crms.names();
        List<String> problems = new ArrayList<>();
        List<Mapping> matching = new ArrayList<>();
        for (Mapping mapping : mappings.all()) {
            int before = problems.size();
            check(mapping, problems);
            if (problems.size() == before) {
                matching.add(mapping);
            }
        }
        // a mapping the metamodel does not match is reported once, above
        finder.buildStatements(matching, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Etlify mappings do not match the Hibernate metamodel:\n - "
                    + String.join("\n - ", problems));
        }
    }

    private static void check(Mapping mapping, List<String> problems) {
        Metamodel metamodel = Panache.getEntityManager(mapping.entityType()).getMetamodel();
        ManagedType<?> entity;
        try {
            entity = metamodel.entity(mapping.entityType());
        } catch (IllegalArgumentException e) {
            problems.add(mapping + ": " + mapping.entityType().getName() + " is not an entity of its persistence unit");
            return;
        }
        for (String attribute : List.of(mapping.definition().getIdAttribute(), mapping.definition().getUpdatedAtAttribute())) {
            if (attribute(entity, attribute) == null) {
                problems.add(mapping + ": Hibernate knows no attribute " + attribute);
            }
        }
        List<String> paths = new ArrayList<>(mapping.definition().getDependencies());
        paths.addAll(mapping.definition().getSyncDependencies());
        for (String path : paths) {
            ManagedType<?> current = entity;
            for (String segment : path.split("\\.")) {
                Attribute<?, ?> attribute = current == null ? null : attribute(current, segment);
                if (attribute == null || !attribute.isAssociation() && !(attribute instanceof PluralAttribute)) {
                    problems.add(mapping + ": dependency path '" + path + "' is not an association at '" + segment + "'");
                    break;
                }
                Type<?> target = attribute instanceof PluralAttribute<?, ?, ?> plural ? plural.getElementType()
                        : ((SingularAttribute<?, ?>) attribute).getType();
                current = target instanceof ManagedType<?> managed ? managed : null;
            }
        }
    }

    private static Attribute<?, ?> attribute(ManagedType<?> type, String name) {
        try {
            return type.getAttribute(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
