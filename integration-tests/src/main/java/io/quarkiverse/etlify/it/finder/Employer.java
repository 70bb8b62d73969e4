package io.quarkiverse.etlify.it.finder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An employee's employer (to-one), through which paths go on: its address (a has-one held by the
 * address) and its stakes (to-many), and on to the stakes' funds.
 */
@Entity
@Table(name = "fd_employers")
public class Employer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @OneToOne(mappedBy = "employer")
    public EmployerAddress address;

    @OneToMany(mappedBy = "employer")
    public List<Stake> stakes = new ArrayList<>();

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
