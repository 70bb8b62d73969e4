package io.quarkiverse.etlify.deployment.model;

import java.time.Instant;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Has an update time by name only (no annotation). */
@Entity
public class Account extends PanacheEntity {

    public String name;

    public Instant updatedAt;
}
