package org.acme.onchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.OnDelete;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
@Table(name = "customers")
// tag::mapping[]
@Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email", serializer = CustomerSerializer.class,
        dependencies = "purchases", // a purchase added, removed or changed re-syncs its customer
        syncOnChange = true, // what Hibernate writes is synced after the commit: no sync() call anywhere
        onDelete = OnDelete.DELETE) // deleting the customer deletes its CRM record (the default, KEEP, leaves it)
// end::mapping[]
public class Customer extends PanacheEntity {
    public String email;

    @OneToMany(mappedBy = "customer")
    public List<Purchase> purchases = new ArrayList<>();

    @UpdateTimestamp
    public Instant updatedAt;
}
