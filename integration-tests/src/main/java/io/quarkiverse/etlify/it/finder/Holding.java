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

/** A member's holding in a fund: one-to-many from the member, many-to-one to the fund. */
@Entity
@Table(name = "fd_holdings")
public class Holding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "member_id")
    public Member member;

    @ManyToOne
    @JoinColumn(name = "fund_id")
    public Fund fund;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
