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

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A note owned by a user or by a company: the gem's polymorphic {@code belongs_to}, mapped as Etlify
 * recommends instead of an {@code @Any}: one nullable association per owner type, each a dependency.
 */
@Entity
@Table(name = "fd_notes")
@Etlified(crm = "finder", objectType = "notes", serializer = FinderSerializer.class, dependencies = { "user", "company" })
public class Note extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String text;

    @ManyToOne
    @JoinColumn(name = "user_id")
    public Buyer user;

    @ManyToOne
    @JoinColumn(name = "company_id")
    public Employer company;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
