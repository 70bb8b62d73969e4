package io.quarkiverse.etlify.benchmark;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The columns of the accounts of (h) and (i); each concrete account has its own table, mapping and holdings. */
@MappedSuperclass
public abstract class AccountBase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    public String name;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The account's holdings: its one-to-many dependency. */
    public abstract List<? extends HoldingBase> holdings();
}
