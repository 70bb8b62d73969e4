package io.quarkiverse.etlify.it.finder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Single-table inheritance root. For CRM "finder" {@link Car} has its own mapping, so this one covers
 * vehicles and trucks only; for "mirror" this mapping covers every vehicle.
 */
@Entity
@Table(name = "fd_vehicles")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
@DiscriminatorValue("vehicle")
@Etlified(crm = "finder", objectType = "vehicles", serializer = FinderSerializer.class)
@Etlified(crm = "mirror", objectType = "vehicles", serializer = FinderSerializer.class)
public class Vehicle extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String plate;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
