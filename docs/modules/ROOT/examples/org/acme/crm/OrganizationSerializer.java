package org.acme.crm;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

// tag::serializer[]
/** The same companies, as the second CRM names its fields. */
@ApplicationScoped
public class OrganizationSerializer implements CrmSerializer<Company> {

    @Override
    public Map<String, Object> toPayload(Company company) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("name", company.name);
        return payload;
    }
}
// end::serializer[]
