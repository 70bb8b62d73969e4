package io.quarkiverse.etlify.it.finder;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

import io.quarkiverse.etlify.Etlified;

/**
 * A joined subclass with its own table, a dependency held in that table, and a stale scope reading
 * columns of both tables.
 */
@Entity
@Table(name = "fd_persons")
@PrimaryKeyJoinColumn(name = "party_id")
@Etlified(crm = "finder", objectType = "persons", serializer = FinderSerializer.class, dependencies = "employer",
        staleScope = "{e}.active = true AND {e}.email IS NOT NULL")
public class Person extends Party {

    public String email;

    @ManyToOne
    @JoinColumn(name = "employer_id")
    public Organisation employer;
}
