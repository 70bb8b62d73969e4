package io.quarkiverse.etlify.it.onchange;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Synced on change; deleting it keeps its CRM record ({@code onDelete} left at {@code KEEP}). */
@Entity
@Table(name = "oc_prospects")
@Etlified(crm = "changes", objectType = "contacts", idProperty = "email", serializer = ProspectSerializer.class,
        syncOnChange = true)
public class Prospect extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
