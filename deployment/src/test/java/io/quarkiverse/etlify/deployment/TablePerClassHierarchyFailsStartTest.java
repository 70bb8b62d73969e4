package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.test.QuarkusUnitTest;

/** A mapping on the root of a TABLE_PER_CLASS hierarchy with subclasses: its records spread over several tables. */
class TablePerClassHierarchyFailsStartTest {

    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    @Etlified(crm = "hubspot", objectType = "assets", serializer = AssetSerializer.class)
    public static class Asset extends PanacheEntity {
        public String label;
        public Instant updatedAt;
    }

    @Entity
    public static class Laptop extends Asset {
        public String model;
    }

    public static class AssetSerializer implements CrmSerializer<Asset> {
        @Override
        public Map<String, Object> toPayload(Asset asset) {
            return Map.of("label", asset.label);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("table-per-class",
            new String[] { "Etlify mappings do not match the Hibernate metamodel",
                    "@Etlified(crm = \"hubspot\") on " + Asset.class.getName() + ": the stale finder does not read"
                            + " TABLE_PER_CLASS hierarchies through " + Asset.class.getName()
                            + ", which has subclasses: use SINGLE_TABLE or JOINED inheritance" },
            Asset.class, Laptop.class, AssetSerializer.class);

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
