package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Transient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.test.QuarkusUnitTest;

/** The start-up cross-check against the Hibernate metamodel: a @Transient update time exists in Java, not in Hibernate. */
class UnmappedUpdateTimeFailsStartTest {

    @Entity
    @Etlified(crm = "hubspot", objectType = "notes", serializer = NoteSerializer.class)
    public static class Note extends PanacheEntity {
        public String text;

        @Transient
        public Instant updatedAt;
    }

    public static class NoteSerializer implements CrmSerializer<Note> {
        @Override
        public Map<String, Object> toPayload(Note note) {
            return Map.of("text", note.text);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("unmapped-update-time",
            new String[] { "Etlify mappings do not match the Hibernate metamodel", "Note", "Hibernate knows no attribute updatedAt" },
            Note.class, NoteSerializer.class);

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
