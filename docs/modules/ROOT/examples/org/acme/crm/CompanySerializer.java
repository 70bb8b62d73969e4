package org.acme.crm;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

// tag::serializer[]
@ApplicationScoped
public class CompanySerializer implements CrmSerializer<Company> {

    @Override
    public Map<String, Object> toPayload(Company company) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("name", company.name);
        payload.put("domain", company.domain);
        payload.put("numberofemployees", company.employees.size()); // a lazy collection: loaded here
        return payload;
    }
}
// end::serializer[]
