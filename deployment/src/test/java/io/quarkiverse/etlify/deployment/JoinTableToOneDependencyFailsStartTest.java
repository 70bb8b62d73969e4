package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.test.QuarkusUnitTest;

/** A to-one dependency through a join table: the stale finder follows to-one associations by their join column. */
class JoinTableToOneDependencyFailsStartTest {

    @Entity
    public static class Author extends PanacheEntity {
        public String name;
        public Instant updatedAt;
    }

    @Entity
    @Etlified(crm = "hubspot", objectType = "notes", serializer = NoteSerializer.class, dependencies = "author")
    public static class Note extends PanacheEntity {
        public String text;
        @ManyToOne
        @JoinTable(name = "note_authors")
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
    static final QuarkusUnitTest APP = TestApps.failing("join-table-to-one",
            new String[] { "Etlify mappings do not match the Hibernate metamodel",
                    "@Etlified(crm = \"hubspot\") on " + Note.class.getName() + ": dependency 'author': " + Note.class.getName()
                            + ".author is a to-one association through a join table or a secondary table, which the stale"
                            + " finder does not read: map it with a join column of the entity's table" },
            Note.class, Author.class, NoteSerializer.class);

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
