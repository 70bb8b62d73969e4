package io.quarkiverse.etlify.it;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Not mapped by Etlify: its CRM id lives in a legacy column, as the gem allowed. */
@Entity
@Table(name = "agencies")
public class Agency extends PanacheEntity {

    public String name;

    @Column(name = "hubspot_id")
    public String hubspotId;
}
