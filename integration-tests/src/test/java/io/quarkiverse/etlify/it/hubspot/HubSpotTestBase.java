package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkiverse.etlify.hubspot.sandbox.RecordedRequest;
import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;
import io.quarkiverse.etlify.test.InjectHubSpotSandbox;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Clean database and sandbox before each test; after it, no request the contract rejects. */
abstract class HubSpotTestBase {

    @InjectHubSpotSandbox
    HubSpotSandbox sandbox;

    @Inject
    CrmRegistry registry;

    @Inject
    Fixtures fixtures;

    @Inject
    Etlify etlify;

    @Inject
    CrmGuards guards;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void cleanSlate() {
        fixtures.reset();
        sandbox.reset();
        circuitBreakers.resetAll();
    }

    @AfterEach
    void everyRequestMetTheContract() {
        assertThat(sandbox.contractViolations()).isEmpty();
    }

    /** The adapter of a CRM, as the engine uses it (guarded). */
    CrmAdapter adapter(String crm) {
        return registry.find(crm).orElseThrow().adapter();
    }

    List<EndpointKind> requestKinds() {
        return sandbox.requests().stream().map(RecordedRequest::kind).toList();
    }
}
