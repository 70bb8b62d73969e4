package io.quarkiverse.etlify.it;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A HubSpot custom object with a UUID id and a plain {@code updatedAt} attribute (no annotation). */
@Entity
@Table(name = "subscriptions")
@Etlified(crm = "hubspot", objectType = "p123_subscription", idProperty = "subscription_id",
        serializer = SubscriptionSerializer.class, dependencies = "user")
@Etlified(crm = "mirror", objectType = "subscriptions", serializer = SubscriptionSerializer.class,
        dispatcher = QueueingDispatcher.class)
public class Subscription extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    public String plan;

    @ManyToOne
    public User user;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
