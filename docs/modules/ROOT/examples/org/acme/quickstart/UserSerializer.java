package org.acme.quickstart;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

// tag::serializer[]
@ApplicationScoped
public class UserSerializer implements CrmSerializer<User> {

    @Override
    public Map<String, Object> toPayload(User user) { // keys are CRM property names
        Map<String, Object> payload = new HashMap<>(); // not Map.of(...): it rejects null values
        payload.put("email", user.email);
        payload.put("firstname", user.firstName);
        payload.put("lastname", user.lastName); // null clears the property in the CRM
        return payload;
    }
}
// end::serializer[]
