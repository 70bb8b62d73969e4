package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A dependency whose update time exists in Java (a @Transient updatedAt) but in no column: its changes could
 * not be seen.
 */
class UnmappedDependencyUpdateTimeFailsStartTest {

    @Entity
    public static class Author extends PanacheEntity {
        public String name;
        @Transient
        public Instant updatedAt;
    }

    @Entity
    @Etlified(crm = "hubspot", objectType = "notes", serializer = NoteSerializer.class, dependencies = "author")
    public static class Note extends PanacheEntity {
        public String text;
        @ManyToOne
        public Author author;
        public Instant updatedAt;
    }

    public static class NoteSerializer implements CrmSerializer<Note> {
        @Override
        public Map<String, Object> toPayload(Note note) {
            return Map.of("text", note.text);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("unmapped-dependency-update-time",
            new String[] { "Etlify mappings do not match the Hibernate metamodel",
                    "@Etlified(crm = \"hubspot\") on " + Note.class.getName() + ": dependency 'author': "
                            + Author.class.getName() + ".updatedAt, the update time, is not one column of the entity's table" },
            Note.class, Author.class, NoteSerializer.class);

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
