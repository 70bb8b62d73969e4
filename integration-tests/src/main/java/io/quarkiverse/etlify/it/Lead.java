package io.quarkiverse.etlify.it;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A contact whose serializer and guard throw on incomplete records, as real ones do. */
@Entity
@Table(name = "leads")
@Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email", serializer = LeadSerializer.class,
        syncIf = LeadIsSubscribed.class)
public class Lead extends PanacheEntity {

    public String email;

    public String name;

    /** {@code subscribed} or {@code unsubscribed}; the guard fails when it is not set. */
    public String status;

    /** Comma-separated, sent as a multiple-checkbox property. */
    public String interests;

    @Column(length = 100_000)
    public String notes;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
