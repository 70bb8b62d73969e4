package io.quarkiverse.etlify.it.finder;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;

/** Another joined subclass: not a person, so never found by {@link Person}'s mapping. */
@Entity
@Table(name = "fd_firms")
@PrimaryKeyJoinColumn(name = "party_id")
public class Firm extends Party {

    public String registration;
}
