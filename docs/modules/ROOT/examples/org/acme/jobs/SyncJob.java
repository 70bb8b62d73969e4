package org.acme.jobs;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

// tag::entity[]
/** A row of the application's own job table: one sync to perform. */
@Entity
@Table(name = "sync_jobs")
public class SyncJob extends PanacheEntity {
    public String crmName;
    public String entityType; // the mapped class
    public Long entityId; // this application's entities have Long ids
    public Instant createdAt = Instant.now();
}
// end::entity[]
