package io.quarkiverse.etlify.it.finder;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A subclass of a subclass: covered by {@link Car}'s mapping. */
@Entity
@DiscriminatorValue("ecar")
public class ElectricCar extends Car {

    @Column(name = "battery_range")
    public Integer batteryRange;
}
