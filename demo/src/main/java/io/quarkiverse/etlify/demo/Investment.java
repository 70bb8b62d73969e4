package io.quarkiverse.etlify.demo;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
@Table(name = "investments")
public class Investment extends PanacheEntity {

    @ManyToOne
    public User user;

    public BigDecimal amount;

    @UpdateTimestamp
    public Instant updatedAt;
}
