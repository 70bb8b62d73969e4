package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;

import org.hibernate.annotations.Any;
import org.hibernate.annotations.AnyDiscriminator;
import org.hibernate.annotations.AnyDiscriminatorValue;
import org.hibernate.annotations.AnyKeyJavaClass;
import org.hibernate.annotations.ManyToAny;
import org.hibernate.annotations.UpdateTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Polymorphic associations ({@code @Any}, {@code @ManyToAny}) as dependency paths: refused at build time,
 * the message saying how to map the same data with one association per target type.
 */
class AnyDependencyFailsBuildTest {

    @Entity
    @Etlified(crm = "hubspot", objectType = "notes", serializer = NoteSerializer.class,
            dependencies = { "owner", "watchers" })
    public static class Note extends PanacheEntity {

        public String text;

        @Any
        @AnyDiscriminator(DiscriminatorType.STRING)
        @AnyDiscriminatorValue(discriminator = "customer", entity = Customer.class)
        @AnyDiscriminatorValue(discriminator = "account", entity = Account.class)
        @AnyKeyJavaClass(Long.class)
        @Column(name = "owner_type")
        @JoinColumn(name = "owner_id")
        public Object owner;

        @ManyToAny
        @AnyDiscriminator(DiscriminatorType.STRING)
        @AnyDiscriminatorValue(discriminator = "customer", entity = Customer.class)
        @AnyDiscriminatorValue(discriminator = "account", entity = Account.class)
        @AnyKeyJavaClass(Long.class)
        @Column(name = "watcher_type")
        @JoinTable(name = "note_watchers", joinColumns = @JoinColumn(name = "note_id"),
                inverseJoinColumns = @JoinColumn(name = "watcher_id"))
        public List<Object> watchers = new ArrayList<>();

        @UpdateTimestamp
        public Instant updatedAt;
    }

    public static class NoteSerializer implements CrmSerializer<Note> {

        @Override
        public Map<String, Object> toPayload(Note note) {
            return Map.of("text", note.text);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("any-dependency",
            new String[] {
                    "dependencies path 'owner' goes through the @Any association " + Note.class.getName() + ".owner",
                    "dependencies path 'watchers' goes through the @ManyToAny association",
                    "map one nullable association per target type",
                    "@ManyToOne user and @ManyToOne company rather than an @Any owner",
                    "\"Polymorphic owners\" in the README" },
            Note.class, NoteSerializer.class, Customer.class, Account.class, Order.class);

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
