package io.quarkiverse.etlify.demo;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.CrmSerializer;

@ApplicationScoped
public class CompanySerializer implements CrmSerializer<Company> {

    @Override
    public Map<String, Object> toPayload(Company company) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", company.name);
        payload.put("domain", company.domain);
        return payload;
    }
}
