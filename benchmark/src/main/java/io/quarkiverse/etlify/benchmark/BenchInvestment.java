package io.quarkiverse.etlify.benchmark;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A user's investment: the one-to-many dependency. */
@Entity
@Table(name = "bench_investments", indexes = @Index(name = "bench_investments_user", columnList = "user_id, updated_at"))
public class BenchInvestment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "user_id")
    public BenchUser user;

    public BigDecimal amount;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
