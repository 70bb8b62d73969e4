package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.crm.CrmRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * A {@code CrmAdapter} bean plugged by name gets its CRM's rate limit (one permit per call, shared
 * through the database, H2 here), retries of transient failures, and pauses when it reports a quota
 * in neutral terms.
 */
class CustomAdapterIsThrottledAndRetriedTest {

    @Entity
    @DiscriminatorValue("lead")
    @Etlified(crm = "custom", objectType = "leads", idProperty = "email", serializer = CustomerSerializer.class)
    public static class Lead extends Customer {
    }

    @ApplicationScoped
    @Identifier("flaky")
    public static class FlakyAdapter implements CrmAdapter {
        private final List<Long> calls = new CopyOnWriteArrayList<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();
        private volatile CrmRateLimitedException quotaReached;

        List<Long> calls() {
            return calls;
        }

        void failNext(int count) {
            failuresLeft.set(count);
        }

        void quotaReached(CrmRateLimitedException answer) {
            quotaReached = answer;
        }

        @Override
        public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
            calls.add(System.nanoTime());
            if (quotaReached != null) {
                throw quotaReached;
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new CrmApiException("Service unavailable", 503, null, "corr", null);
            }
            return "crm-" + payload.get("email");
        }

        @Override
        public void delete(String objectType, String crmId) {
            calls.add(System.nanoTime());
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("custom-throttled", Lead.class, FlakyAdapter.class, Customer.class,
            Account.class, Order.class, CustomerSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.custom.adapter", "flaky")
            .overrideConfigKey("quarkus.etlify.crm.custom.rate-limit.max-requests", "2")
            .overrideConfigKey("quarkus.etlify.crm.custom.rate-limit.period", "500ms")
            .overrideConfigKey("quarkus.etlify.crm.custom.retry.delay", "10ms")
            .overrideConfigKey("quarkus.etlify.crm.custom.retry.jitter", "0ms");

    @Inject
    Etlify etlify;

    @Inject
    CrmRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    @Identifier("flaky")
    FlakyAdapter adapter;

    @Test
    void callsAreRetriedAndStayWithinTheLimitSharedThroughTheDatabase() {
        assertThat(registry.find("custom").orElseThrow().adapter()).isNotSameAs(adapter).hasToString("guarded " + adapter);
        adapter.failNext(2);
        long start = System.nanoTime();

        for (int i = 0; i < 4; i++) {
            Lead lead = lead("lead" + i + "@example.com");
            assertThat(etlify.crm("custom").syncNow(lead)).isEqualTo(SyncResult.SYNCED);
        }

        // 4 syncs + 2 retries = 6 calls at 2 per 500 ms: at least 1 s, and no 500 ms holding 3 calls
        assertThat(adapter.calls()).hasSize(6);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        for (int i = 2; i < adapter.calls().size(); i++) {
            assertThat(adapter.calls().get(i) - adapter.calls().get(i - 2)).isGreaterThanOrEqualTo(
                    Duration.ofMillis(500).toNanos());
        }
        Number permits = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT CARDINALITY(permit_ids) FROM etlify_rate_limits WHERE crm_name = 'custom'").getSingleResult());
        assertThat(permits.intValue()).isBetween(1, 2);
    }

    @Test
    void aQuotaInNeutralTermsPausesTheCrmForTheWaitTheAdapterGaveWithoutPosingAsHubSpot() {
        adapter.quotaReached(new CrmRateLimitedException("monthly quota of the plan reached", null, null,
                Duration.ofHours(2), CrmRateLimitedException.Scope.DAILY_QUOTA, null));
        Lead lead = lead("quota@example.com");
        int before = adapter.calls().size();

        assertThat(etlify.crm("custom").syncNow(lead)).isEqualTo(SyncResult.DEFERRED);
        assertThat(etlify.crm("custom").syncNow(lead)).isEqualTo(SyncResult.DEFERRED);

        assertThat(adapter.calls()).as("the second call fails fast").hasSize(before + 1);
        CrmState state = etlify.crm("custom").state();
        assertThat(state.condition()).isEqualTo(CrmState.Condition.PAUSED);
        assertThat(state.reason()).contains("monthly quota");
        assertThat(Duration.between(Instant.now(), state.until())).isBetween(Duration.ofMinutes(119),
                Duration.ofHours(2));
        adapter.quotaReached(null);
        etlify.crm("custom").resume();
        assertThat(etlify.crm("custom").syncNow(lead)).isEqualTo(SyncResult.SYNCED);
    }

    @Test
    void anOperatorsPauseDefersSyncsOnEveryPathUntilResumed() {
        Lead lead = lead("paused@example.com");
        int before = adapter.calls().size();
        assertThatThrownBy(() -> etlify.crm("custom").pause(Duration.ZERO, "no"))
                .isInstanceOf(IllegalArgumentException.class);

        etlify.crm("custom").pause(Duration.ofMinutes(5), "maintenance window");

        CrmState state = etlify.crm("custom").state();
        assertThat(state.condition()).isEqualTo(CrmState.Condition.PAUSED);
        assertThat(state.reason()).isEqualTo("maintenance window");
        assertThat(Duration.between(Instant.now(), state.until())).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
        assertThat(etlify.crm("custom").syncNow(lead)).isEqualTo(SyncResult.DEFERRED);
        assertThat(etlify.crm("custom").syncState(lead)).hasValueSatisfying(
                sync -> assertThat(sync.errorCount()).as("a pause is not the record's fault").isZero());
        assertThat(adapter.calls()).as("nothing sent while paused").hasSize(before);

        etlify.crm("custom").resume();
        assertThat(etlify.crm("custom").state().isUsable()).isTrue();
        // the deferred sync stayed requested: the queue's workers, woken by the resume, may send it first
        assertThat(etlify.crm("custom").syncNow(lead)).isIn(SyncResult.SYNCED, SyncResult.NOT_MODIFIED);
        assertThat(adapter.calls()).as("sent once after the resume").hasSize(before + 1);
    }

    private Lead lead(String email) {
        Lead lead = new Lead();
        lead.email = email;
        return TestApps.persisted(lead);
    }
}
