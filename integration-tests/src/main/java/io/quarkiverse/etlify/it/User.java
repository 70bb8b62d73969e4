package io.quarkiverse.etlify.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
@Table(name = "app_users")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
@Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email", serializer = UserSerializer.class,
        dependencies = { "company", "investments" }, syncDependencies = "company", syncIf = UserHasEmail.class,
        staleScope = "{e}.active = true")
@Etlified(crm = "mirror", objectType = "people", idProperty = "email", serializer = UserSerializer.class)
public class User extends PanacheEntity {

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public boolean active = true;

    @ManyToOne
    public Company company;

    @OneToMany(mappedBy = "user")
    public List<Investment> investments = new ArrayList<>();

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
