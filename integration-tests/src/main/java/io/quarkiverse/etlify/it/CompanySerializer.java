package io.quarkiverse.etlify.it;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CompanySerializer extends NamedSerializer<Company> {

    @Override
    protected String nameOf(Company company) {
        return company.name;
    }

    @Override
    protected Map<String, Object> details(Company company) {
        return company.domain == null ? Map.of() : Map.of("domain", company.domain);
    }
}
