package io.quarkiverse.etlify.it.onchange;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.it.QueueingDispatcher;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Synced on change through the application's own dispatcher; a UUID id; its investor is a dependency. */
@Entity
@Table(name = "oc_referrals")
@Etlified(crm = "changes", objectType = "referrals", serializer = ReferralSerializer.class, dependencies = "investor",
        syncOnChange = true, dispatcher = QueueingDispatcher.class)
public class Referral extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @ManyToOne
    @JoinColumn(name = "investor_id")
    public Investor investor;

    public String note;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
