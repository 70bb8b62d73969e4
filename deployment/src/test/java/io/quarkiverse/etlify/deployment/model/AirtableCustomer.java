package io.quarkiverse.etlify.deployment.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import io.quarkiverse.etlify.Etlified;

/** A customer mapped to CRM "airtable", table "Customers", upserted on its e-mail. */
@Entity
@DiscriminatorValue("airtable")
@Etlified(crm = "airtable", objectType = "Customers", idProperty = "email", serializer = CustomerSerializer.class)
public class AirtableCustomer extends Customer {
}
