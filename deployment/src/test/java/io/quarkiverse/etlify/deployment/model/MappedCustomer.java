package io.quarkiverse.etlify.deployment.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import io.quarkiverse.etlify.Etlified;

/** A customer mapped to CRM "hubspot", top-level for dev-mode tests (which reload top-level classes only). */
@Entity
@DiscriminatorValue("mapped")
@Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email", serializer = CustomerSerializer.class)
public class MappedCustomer extends Customer {
}
