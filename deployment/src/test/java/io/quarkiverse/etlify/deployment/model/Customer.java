package io.quarkiverse.etlify.deployment.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A plain valid entity for deployment tests (mappings are added by each test's own subclass or annotation). */
@Entity
public class Customer extends PanacheEntity {

    public String email;

    @ManyToOne
    public Account account;

    @OneToMany(mappedBy = "customer")
    public List<Order> orders = new ArrayList<>();

    @ElementCollection
    public List<String> tags = new ArrayList<>();

    @UpdateTimestamp
    public Instant modifiedAt;
}
