package io.quarkiverse.etlify.deployment.model;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Has no update-time attribute. */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntity {

    @ManyToOne
    public Customer customer;

    public String reference;
}
