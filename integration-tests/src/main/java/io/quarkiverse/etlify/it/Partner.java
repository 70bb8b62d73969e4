package io.quarkiverse.etlify.it;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.UpdateTimestamp;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Partners sponsor each other (a cycle is possible) and may belong to an agency known to the CRM by a legacy id. */
@Entity
@Table(name = "partners")
@Etlified(crm = "hubspot", objectType = "p123_partner", serializer = Partner.Serializer.class,
        syncDependencies = { "sponsor", "agency" })
public class Partner extends PanacheEntity {

    public String name;

    @ManyToOne
    public Partner sponsor;

    @ManyToOne
    public Agency agency;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public Instant updatedAt;

    @ApplicationScoped
    public static class Serializer implements CrmSerializer<Partner> {
        @Override
        public Map<String, Object> toPayload(Partner partner) {
            return Map.of("name", partner.name);
        }
    }
}
