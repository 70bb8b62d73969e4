package io.quarkiverse.etlify.it.finder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Paths beyond one association: a has-one through a to-one ({@code employer.address}), a to-many after a
 * to-one ({@code employer.stakes}), three levels ({@code employer.stakes.fund}), and a self-reference
 * ({@code manager}, whose own dependencies are not followed).
 */
@Entity
@Table(name = "fd_employees")
@Etlified(crm = "finder", objectType = "employees", serializer = FinderSerializer.class,
        dependencies = { "employer.address", "employer.stakes", "employer.stakes.fund", "manager" })
public class Employee extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @ManyToOne
    @JoinColumn(name = "employer_id")
    public Employer employer;

    @ManyToOne
    @JoinColumn(name = "manager_id")
    public Employee manager;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;
}
