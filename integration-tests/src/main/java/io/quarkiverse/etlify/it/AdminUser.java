package io.quarkiverse.etlify.it;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A subclass of a mapped entity: it is synced through User's mappings, as resource type "User". */
@Entity
@DiscriminatorValue("admin")
public class AdminUser extends User {

    public String team;
}
