package org.acme.crm;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

// tag::serializer[]
@ApplicationScoped
public class NoteSerializer implements CrmSerializer<Note> {

    @Override
    public Map<String, Object> toPayload(Note note) {
        Map<String, Object> payload = new HashMap<>();
        String owner = note.user != null ? note.user.email : note.company.name;
        payload.put("hs_note_body", owner + ": " + note.body); // the owner's change makes the note stale
        payload.put("hs_timestamp", note.createdAt); // an Instant: HubSpot gets epoch milliseconds
        return payload;
    }
}
// end::serializer[]
