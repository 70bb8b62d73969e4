package io.quarkiverse.etlify.it.finder;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A subclass without a mapping of its own: covered by {@link Vehicle}'s mappings. */
@Entity
@DiscriminatorValue("truck")
public class Truck extends Vehicle {

    @Column(name = "max_load")
    public Integer maxLoad;
}
