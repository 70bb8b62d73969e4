package io.quarkiverse.etlify.it.onchange;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An investor's club (many-to-one): not mapped itself, a dependency only. */
@Entity
@Table(name = "oc_clubs")
public class Club extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
