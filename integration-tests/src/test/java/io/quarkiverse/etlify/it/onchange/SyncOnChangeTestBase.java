package io.quarkiverse.etlify.it.onchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.hubspot.sandbox.CrmObject;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.test.InjectHubSpotSandbox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Clean database and sandbox before each test; after it, no request the contract rejects. */
abstract class SyncOnChangeTestBase {

    static final Duration REACHES_CRM = Duration.ofSeconds(15);

    @InjectHubSpotSandbox
    HubSpotSandbox sandbox;

    @Inject
    Fixtures fixtures;

    @Inject
    Etlify etlify;

    @Inject
    EntityManager em;

    @BeforeEach
    void cleanSlate() {
        fixtures.reset();
        sandbox.reset();
    }

    @AfterEach
    void everyRequestMetTheContract() {
        assertThat(sandbox.contractViolations()).isEmpty();
    }

    /** Runs a change in its own committed transaction, with no call to Etlify. */
    void change(Runnable change) {
        QuarkusTransaction.requiringNew().run(change);
    }

    <T> T create(Supplier<T> creation) {
        return QuarkusTransaction.requiringNew().call(creation::get);
    }

    /** An investor committed in its own transaction, once its creation reached the CRM. */
    Investor investor(String email, String firstName) {
        Investor investor = create(() -> {
            Investor m = new Investor();
            m.email = email;
            m.firstName = firstName;
            m.persist();
            return m;
        });
        awaitContact(email, "firstname", firstName);
        return investor;
    }

    Optional<CrmObject> contact(String email) {
        return sandbox.findBy("contacts", "email", email);
    }

    /** Waits until the CRM's contact of that e-mail holds the value. */
    void awaitContact(String email, String property, String value) {
        await().atMost(REACHES_CRM).untilAsserted(() -> assertThat(contact(email))
                .as("contact %s", email).hasValueSatisfying(c -> assertThat(c.property(property)).isEqualTo(value)));
    }

    /** Requests still pending in the queue of CRM {@code changes}: in its inbox, or on sync rows. */
    long pendingRequests() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT (SELECT COUNT(*) FROM etlify_sync_inbox WHERE crm_name = 'changes') + (SELECT COUNT(*)"
                        + " FROM crm_synchronisations WHERE crm_name = 'changes' AND sync_requested_at IS NOT NULL)")
                .getSingleResult()).longValue());
    }

    /** The requests the sandbox received whose body names the e-mail. */
    long requestsNaming(String email) {
        return requestsNaming(email, 0);
    }

    /** The requests the sandbox received, from the {@code from}-th on, whose body names the e-mail. */
    long requestsNaming(String email, int from) {
        var requests = sandbox.requests();
        return requests.subList(from, requests.size()).stream()
                .filter(r -> r.body() != null && r.body().contains("\"" + email + "\"")).count();
    }
}
