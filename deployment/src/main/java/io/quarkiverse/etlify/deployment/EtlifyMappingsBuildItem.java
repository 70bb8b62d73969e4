package io.quarkiverse.etlify.deployment;

import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.runtime.mapping.EntityMapping;
import io.quarkus.builder.item.SimpleBuildItem;

/** The validated {@code @Etlified} mappings and the update-time attribute of every entity they touch. */
public final class EtlifyMappingsBuildItem extends SimpleBuildItem {

    private final List<EntityMapping> mappings;
    private final Map<String, String> updateTimeAttributes;

    public EtlifyMappingsBuildItem(List<EntityMapping> mappings, Map<String, String> updateTimeAttributes) {
        this.mappings = mappings;
        this.updateTimeAttributes = updateTimeAttributes;
    }

    public List<EntityMapping> mappings() {
        return mappings;
    }

    public Map<String, String> updateTimeAttributes() {
        return updateTimeAttributes;
    }
}
