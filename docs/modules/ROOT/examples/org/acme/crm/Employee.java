package org.acme.crm;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

// tag::entity[]
@Entity
// tag::index[]
@Table(name = "employees", indexes = @Index(columnList = "company_id, updatedAt"))
// end::index[]
@Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email",
        serializer = EmployeeSerializer.class,
        dependencies = "company", // freshness: a renamed company makes its employees stale
        syncDependencies = "company") // ordering: the company needs its HubSpot id first
public class Employee extends PanacheEntity {
    public String email;
    public String jobTitle;

    @ManyToOne
    public Company company;

    @UpdateTimestamp
    public Instant updatedAt;
}
// end::entity[]
