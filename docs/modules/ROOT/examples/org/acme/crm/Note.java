package org.acme.crm;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.acme.jobs.JobQueueDispatcher;
import org.acme.quickstart.User;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

// tag::entity[]
@Entity
@Table(name = "notes")
@Etlified(crm = "hubspot", objectType = "notes", serializer = NoteSerializer.class,
        dependencies = { "user", "company" }, // whichever owner the note has
        dispatcher = JobQueueDispatcher.class) // sync(note) goes to the application's job queue
public class Note extends PanacheEntity {
    // tag::owners[]
    @ManyToOne
    @JoinColumn(name = "user_id")
    public User user; // set for a user's note

    @ManyToOne
    @JoinColumn(name = "company_id")
    public Company company; // set for a company's note
    // end::owners[]

    public String body;

    @CreationTimestamp
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;
}
// end::entity[]
