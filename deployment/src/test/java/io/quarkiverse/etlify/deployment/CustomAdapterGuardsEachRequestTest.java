package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.adapter.BatchUpsertInput;
import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmApiException;
import io.quarkiverse.etlify.adapter.CrmRequestGuards;
import io.quarkiverse.etlify.adapter.GuardedPerRequest;
import io.quarkiverse.etlify.adapter.UpsertOutcome;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.Identifier;

/**
 * An adapter that sends a batch as several HTTP requests runs each one through {@link CrmRequestGuards}
 * and marks itself {@link GuardedPerRequest}: each request takes a permit of the CRM's rate limit, and a
 * transient failure retries that request alone.
 */
class CustomAdapterGuardsEachRequestTest {

    @Entity
    @DiscriminatorValue("prospect")
    @Etlified(crm = "chunked", objectType = "prospects", idProperty = "email", serializer = CustomerSerializer.class)
    public static class Prospect extends Customer {
    }

    /** Sends batches in requests of two records, each through the CRM's guards. */
    @ApplicationScoped
    @Identifier("chunked")
    public static class ChunkedAdapter implements CrmAdapter, GuardedPerRequest {

        @Inject
        CrmRequestGuards guards;

        private final List<Long> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger failuresLeft = new AtomicInteger();

        List<Long> requests() {
            return requests;
        }

        void failNext(int count) {
            failuresLeft.set(count);
        }

        @Override
        public String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId) {
            return guards.call("chunked", () -> send(List.of(payload))).get(0);
        }

        @Override
        public void delete(String objectType, String crmId) {
            guards.call("chunked", () -> send(List.of()));
        }

        @Override
        public boolean supportsBatchUpsert() {
            return true;
        }

        @Override
        public Map<String, UpsertOutcome> batchUpsert(String objectType, String idProperty, List<BatchUpsertInput> inputs) {
            Map<String, UpsertOutcome> outcomes = new LinkedHashMap<>();
            for (int from = 0; from < inputs.size(); from += 2) {
                List<BatchUpsertInput> chunk = inputs.subList(from, Math.min(from + 2, inputs.size()));
                List<String> ids = guards.call("chunked", () -> send(chunk.stream().map(BatchUpsertInput::payload).toList()));
                for (int i = 0; i < chunk.size(); i++) {
                    outcomes.put(chunk.get(i).key(), UpsertOutcome.success(ids.get(i)));
                }
            }
            return outcomes;
        }

        private List<String> send(List<Map<String, Object>> payloads) {
            requests.add(System.nanoTime());
            if (failuresLeft.getAndDecrement() > 0) {
                throw new CrmApiException("Service unavailable", 503, null, "corr", null);
            }
            return payloads.stream().map(payload -> "crm-" + payload.get("email")).toList();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2("custom-per-request", Prospect.class, ChunkedAdapter.class,
            Customer.class, Account.class, Order.class, CustomerSerializer.class)
            .overrideConfigKey("quarkus.etlify.crm.chunked.adapter", "chunked")
            .overrideConfigKey("quarkus.etlify.crm.chunked.rate-limit.max-requests", "2")
            .overrideConfigKey("quarkus.etlify.crm.chunked.rate-limit.period", "500ms")
            .overrideConfigKey("quarkus.etlify.crm.chunked.retry.delay", "10ms")
            .overrideConfigKey("quarkus.etlify.crm.chunked.retry.jitter", "0ms");

    @Inject
    Etlify etlify;

    @Inject
    @Identifier("chunked")
    ChunkedAdapter adapter;

    @Test
    void eachRequestOfABatchTakesAPermitAndAFailedRequestIsRetriedAlone() {
        for (int i = 0; i < 6; i++) {
            Prospect prospect = new Prospect();
            prospect.email = "p" + i + "@example.com";
            TestApps.persisted(prospect);
        }
        adapter.failNext(1);
        long start = System.nanoTime();

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("chunked").inline().batchSize(100));

        assertThat(stats.perCrm()).containsOnlyKeys("chunked");
        assertThat(stats.perCrm().get("chunked").get("Prospect")).isEqualTo(new BatchSyncStats.Counts(6, 0, 0));
        // 3 requests of two records + 1 retry of the first request = 4 requests, at 2 per 500 ms
        assertThat(adapter.requests()).hasSize(4);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        for (int i = 2; i < adapter.requests().size(); i++) {
            assertThat(adapter.requests().get(i) - adapter.requests().get(i - 2)).isGreaterThanOrEqualTo(
                    Duration.ofMillis(500).toNanos());
        }
        assertThat(etlify.crm("chunked").syncState(Prospect.class, findId("p5@example.com")))
                .hasValueSatisfying(state -> assertThat(state.crmId()).isEqualTo("crm-p5@example.com"));
    }

    private static Long findId(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Prospect) Prospect.find("email", email).firstResult()).id);
    }
}
