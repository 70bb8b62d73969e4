package io.quarkiverse.etlify.deployment.otherunit;

import java.time.Instant;

import jakarta.persistence.Entity;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** An entity of a persistence unit on another datasource than Etlify's state, watched for changes. */
@Entity
@Etlified(crm = "hubspot", objectType = "tickets", serializer = TicketSerializer.class, syncOnChange = true)
public class Ticket extends PanacheEntity {

    public String subject;

    @UpdateTimestamp
    public Instant updatedAt;
}
