package io.quarkiverse.etlify.it.finder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An employer's stake in a fund: the to-many after a to-one, and the middle of a three-level path. */
@Entity
@Table(name = "fd_stakes")
public class Stake extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "employer_id")
    public Employer employer;

    @ManyToOne
    @JoinColumn(name = "fund_id")
    public Fund fund;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
