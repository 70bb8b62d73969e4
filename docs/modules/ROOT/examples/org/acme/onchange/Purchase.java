package org.acme.onchange;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
@Table(name = "purchases")
public class Purchase extends PanacheEntity {
    @ManyToOne
    public Customer customer;

    public BigDecimal amount;

    @UpdateTimestamp
    public Instant updatedAt;
}
