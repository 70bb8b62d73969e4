package io.quarkiverse.etlify.demo;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
@Table(name = "companies")
@Etlified(crm = "hubspot", objectType = "companies", serializer = CompanySerializer.class)
public class Company extends PanacheEntity {

    public String name;

    public String domain;

    @UpdateTimestamp
    public Instant updatedAt;
}
