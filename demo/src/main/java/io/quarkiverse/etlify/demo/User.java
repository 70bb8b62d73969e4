package io.quarkiverse.etlify.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
@Table(name = "users")
@Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email", serializer = UserSerializer.class,
        dependencies = { "company", "investments" }, syncDependencies = "company", syncIf = UserHasEmail.class,
        syncOnChange = true)
public class User extends PanacheEntity {

    public String email;

    public String firstName;

    public String lastName;

    @ManyToOne
    public Company company;

    @OneToMany(mappedBy = "user")
    public List<Investment> investments = new ArrayList<>();

    @UpdateTimestamp
    public Instant updatedAt;
}
