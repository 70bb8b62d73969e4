package io.quarkiverse.etlify.runtime;

import io.quarkiverse.etlify.runtime.mapping.EntityAccess;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;

/** Mapping look-ups failing with a message that says what is missing. */
final class Mappings {

    private Mappings() {
    }

    static Mapping forEntity(MappingRegistry registry, Object entity, String crm) {
        return require(registry, EntityAccess.classOf(entity), crm);
    }

    static Mapping require(MappingRegistry registry, Class<?> entityClass, String crm) {
        return registry.mappingFor(entityClass, crm).orElseThrow(() -> new IllegalArgumentException(
                entityClass.getName() + " is not mapped to CRM '" + crm + "': add @Etlified(crm = \"" + crm
                        + "\", ...) to it"));
    }
}
