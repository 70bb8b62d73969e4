package org.acme.quickstart;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

// tag::entity[]
@Entity
@Table(name = "users") // "user" is a reserved word in PostgreSQL and H2
@Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email",
        serializer = UserSerializer.class,
        syncIf = UserHasEmail.class) // only users with an e-mail are synced
public class User extends PanacheEntity {
    public String email;
    public String firstName;
    public String lastName;

    @UpdateTimestamp
    public Instant updatedAt; // the record's update time: a newer one makes the record stale
}
// end::entity[]
