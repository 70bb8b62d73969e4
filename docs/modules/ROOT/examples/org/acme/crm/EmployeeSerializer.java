package org.acme.crm;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.RecordSyncState;

// tag::serializer[]
@ApplicationScoped
public class EmployeeSerializer implements CrmSerializer<Employee> {

    @Inject
    Etlify etlify;

    @Override
    public Map<String, Object> toPayload(Employee employee) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("email", employee.email);
        payload.put("jobtitle", employee.jobTitle);
        payload.put("company", employee.company == null ? null : employee.company.name);
        // the company's HubSpot id, known because "company" is a sync dependency
        payload.put("associatedcompanyid", employee.company == null ? null
                : etlify.crm("hubspot").syncState(employee.company).map(RecordSyncState::crmId).orElse(null));
        return payload;
    }
}
// end::serializer[]
