package io.quarkiverse.etlify.it.onchange;

import java.math.BigDecimal;
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

/** An investor's pledge to a pool (one-to-many, and the way to the nested pool). */
@Entity
@Table(name = "oc_pledges")
public class Pledge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "investor_id")
    public Investor investor;

    @ManyToOne
    @JoinColumn(name = "pool_id")
    public Pool pool;

    public BigDecimal amount;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
