package io.quarkiverse.etlify.it.airtable;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.airtable.sandbox.AirtableSandbox;
import io.quarkiverse.etlify.airtable.sandbox.Endpoint;
import io.quarkiverse.etlify.airtable.sandbox.RecordedRequest;
import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;
import io.quarkiverse.etlify.test.InjectAirtableSandbox;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Clean database and sandbox before each test. */
abstract class AirtableTestBase {

    @InjectAirtableSandbox
    AirtableSandbox airtable;

    @Inject
    CrmRegistry registry;

    @Inject
    Fixtures fixtures;

    @Inject
    Etlify etlify;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    CrmGuards guards;

    @BeforeEach
    void cleanSlate() {
        fixtures.reset();
        airtable.reset();
        circuitBreakers.resetAll();
    }

    /** Lifts the holds a refused token leaves (the guards cache them for a second, beyond the database reset). */
    @AfterEach
    void liftHolds() {
        registry.names().forEach(crm -> guards.forCrm(crm).resume());
    }

    /** The adapter of a CRM, as the engine uses it (guarded). */
    CrmAdapter adapter(String crm) {
        return registry.find(crm).orElseThrow().adapter();
    }

    List<Endpoint> endpoints() {
        return airtable.requests().stream().map(RecordedRequest::endpoint).toList();
    }

    String path(String table) {
        return "/v0/" + AirtableProfile.BASE_ID + "/" + table;
    }
}
