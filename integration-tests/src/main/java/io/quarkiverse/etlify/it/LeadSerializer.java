package io.quarkiverse.etlify.it;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

@ApplicationScoped
public class LeadSerializer implements CrmSerializer<Lead> {

    @Override
    public Map<String, Object> toPayload(Lead lead) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", lead.email);
        // a lead without a name is a bug of this application: the serializer throws
        payload.put("firstname", lead.name.trim());
        payload.put("interests", interests(lead.interests));
        payload.put("notes", lead.notes);
        return payload;
    }

    private static List<String> interests(String interests) {
        return interests == null ? List.of() : Arrays.asList(interests.split(","));
    }
}
