package io.quarkiverse.etlify.runtime.state;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A sync of a dependent record buffered until its dependency has a CRM id
 * ({@code syncDependencies}).
 */
@Entity
@Table(name = "etlify_pending_syncs")
public class PendingSync extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dependent_type", nullable = false)
    public String dependentType;

    @Column(name = "dependent_id", nullable = false)
    public String dependentId;

    @Column(name = "dependency_type", nullable = false)
    public String dependencyType;

    @Column(name = "dependency_id", nullable = false)
    public String dependencyId;

    @Column(name = "crm_name", nullable = false, length = 64)
    public String crmName;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
