package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A single-table mapping whose rows must be told apart from a mapped subclass's by discriminator, while one of
 * its own subclasses takes every other value (@DiscriminatorValue("not null")): no list of values names its rows.
 */
class NotNullDiscriminatorFailsStartTest {

    @Entity
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorValue("shape")
    @Etlified(crm = "hubspot", objectType = "shapes", serializer = ShapeSerializer.class)
    public static class Shape extends PanacheEntity {
        public String label;
        public Instant updatedAt;
    }

    @Entity
    @DiscriminatorValue("circle")
    @Etlified(crm = "hubspot", objectType = "circles", serializer = ShapeSerializer.class)
    public static class Circle extends Shape {
    }

    @Entity
    @DiscriminatorValue("not null")
    public static class OtherShape extends Shape {
    }

    public static class ShapeSerializer implements CrmSerializer<Shape> {
        @Override
        public Map<String, Object> toPayload(Shape shape) {
            return Map.of("label", shape.label);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("not-null-discriminator",
            new String[] { "Etlify mappings do not match the Hibernate metamodel",
                    "@Etlified(crm = \"hubspot\") on " + Shape.class.getName() + ": the stale finder cannot restrict rows to "
                            + OtherShape.class.getName() + ": its discriminator value is not null" },
            Shape.class, Circle.class, OtherShape.class, ShapeSerializer.class);

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
