package io.quarkiverse.etlify.it.finder;

import java.time.Instant;

import jakarta.persistence.Column;
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

/** Joined inheritance root, mapped for CRM "mirror" (every party); {@link Person} is mapped for "finder". */
@Entity
@Table(name = "fd_parties")
@Inheritance(strategy = InheritanceType.JOINED)
@Etlified(crm = "mirror", objectType = "parties", serializer = FinderSerializer.class)
public class Party extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    public boolean active = true;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
