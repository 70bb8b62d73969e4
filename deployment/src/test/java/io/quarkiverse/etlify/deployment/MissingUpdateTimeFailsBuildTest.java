package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.test.QuarkusUnitTest;

/** A mapped entity without an update-time attribute. */
class MissingUpdateTimeFailsBuildTest {

    @Entity
    @Etlified(crm = "hubspot", objectType = "notes", serializer = NoteSerializer.class)
    public static class Note extends PanacheEntity {
        public String text;
    }

    public static class NoteSerializer implements CrmSerializer<Note> {
        @Override
        public Map<String, Object> toPayload(Note note) {
            return Map.of("text", note.text);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("no-update-time",
            new String[] { "Note has no update-time attribute", "@UpdateTimestamp" },
            Note.class, NoteSerializer.class, Customer.class, Account.class, Order.class, CustomerSerializer.class, AccountSerializer.class);

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
