package io.quarkiverse.etlify.it.finder;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkiverse.etlify.Etlified;

/** A single-table subclass with its own mapping and a dependency held in the shared table. */
@Entity
@DiscriminatorValue("car")
@Etlified(crm = "finder", objectType = "cars", serializer = FinderSerializer.class, dependencies = "garage")
public class Car extends Vehicle {

    @ManyToOne
    @JoinColumn(name = "garage_id")
    public Garage garage;
}
