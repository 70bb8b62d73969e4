package org.acme.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

// tag::entity[]
@Entity
@Table(name = "companies")
@Etlified(crm = "hubspot", objectType = "companies", serializer = CompanySerializer.class,
        dependencies = "employees", // a hired or departed employee changes numberofemployees
        staleScope = "{e}.active = true") // batch syncs leave inactive companies alone
@Etlified(crm = "pipedrive", objectType = "organizations", serializer = OrganizationSerializer.class)
public class Company extends PanacheEntity {
    public String name;
    public String domain;
    public boolean active = true;

    @OneToMany(mappedBy = "company")
    public List<Employee> employees = new ArrayList<>();

    @UpdateTimestamp
    public Instant updatedAt;
}
// end::entity[]
