package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.SyncGuard;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Discovery: the repeatable container, mappings on a mapped superclass, serializers generic through
 * their hierarchy, Panache public fields, collection element types and the update-time default.
 */
class MappingDiscoveryTest {

    @Entity
    @Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email", serializer = CustomerSerializer.class,
            dependencies = { "account", "tags" }, syncIf = HasEmail.class, staleScope = "{e}.email is not null")
    @Etlified(crm = "backup", objectType = "people", serializer = CustomerSerializer.class)
    public static class VipCustomer extends Customer {
    }

    @MappedSuperclass
    @Etlified(crm = "hubspot", objectType = "documents", serializer = DocumentSerializer.class)
    public abstract static class Document extends PanacheEntity {
        public String title;
        public Instant updatedAt;
    }

    @Entity
    public static class Invoice extends Document {
    }

    @Entity
    public static class Quote extends Document {
    }

    /** Generic base: the entity type is resolved through the hierarchy. */
    public abstract static class TitledSerializer<D extends Document> implements CrmSerializer<D> {
        @Override
        public Map<String, Object> toPayload(D document) {
            Map<String, Object> payload = new HashMap<>();
            payload.put("title", document.title);
            return payload;
        }
    }

    public static class DocumentSerializer extends TitledSerializer<Document> {
    }

    public static class HasEmail implements SyncGuard<Customer> {
        @Override
        public boolean shouldSync(Customer customer) {
            return customer.email != null;
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("discovery", VipCustomer.class, Document.class, Invoice.class,
            Quote.class, TitledSerializer.class, DocumentSerializer.class, HasEmail.class, Customer.class,
            Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.backup.adapter", "null");

    @Inject
    MappingRegistry registry;

    @Test
    void repeatedAnnotationsGiveOneMappingPerCrm() {
        assertThat(registry.mappingsFor(VipCustomer.class)).extracting(Mapping::crm)
                .containsExactlyInAnyOrder("hubspot", "backup");
        Mapping hubspot = registry.mappingFor(VipCustomer.class, "hubspot").orElseThrow();
        assertThat(hubspot.resourceType()).isEqualTo("VipCustomer");
        assertThat(hubspot.idProperty()).isEqualTo("email");
        assertThat(hubspot.definition().getDependencies()).containsExactly("account", "tags");
        assertThat(hubspot.definition().getStaleScope()).isEqualTo("{e}.email is not null");
        assertThat(hubspot.definition().getGuardClass()).isEqualTo(HasEmail.class.getName());
        assertThat(hubspot.definition().getIdAttribute()).isEqualTo("id");
        assertThat(hubspot.definition().getUpdatedAtAttribute()).isEqualTo("modifiedAt");
        assertThat(registry.mappingFor(VipCustomer.class, "backup").orElseThrow().idProperty()).isNull();
    }

    @Test
    void aMappedSuperclassMapsEachEntitySubclass() {
        assertThat(registry.mappingFor(Invoice.class, "hubspot").orElseThrow().resourceType()).isEqualTo("Invoice");
        assertThat(registry.mappingFor(Quote.class, "hubspot").orElseThrow().resourceType()).isEqualTo("Quote");
        assertThat(registry.mappingFor(Invoice.class, "hubspot").orElseThrow().definition().getUpdatedAtAttribute())
                .isEqualTo("updatedAt");
    }

    @Test
    void dependencyTargetsKnowTheirUpdateTime() {
        assertThat(registry.updateTimeAttribute(Account.class)).isEqualTo("updatedAt");
        assertThat(registry.updateTimeAttribute(VipCustomer.class)).isEqualTo("modifiedAt");
    }

    @Test
    void unmappedEntitiesHaveNoMapping() {
        assertThat(registry.mappingsFor(Customer.class)).isEmpty();
        assertThat(registry.mappingsFor(Order.class)).isEmpty();
    }
}
