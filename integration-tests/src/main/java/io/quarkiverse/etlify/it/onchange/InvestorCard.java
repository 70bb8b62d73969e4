package io.quarkiverse.etlify.it.onchange;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An investor's card: the owning side of a one-to-one, reached from the investor's inverse side. */
@Entity
@Table(name = "oc_investor_cards")
public class InvestorCard extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne
    @JoinColumn(name = "investor_id")
    public Investor investor;

    public String level;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
