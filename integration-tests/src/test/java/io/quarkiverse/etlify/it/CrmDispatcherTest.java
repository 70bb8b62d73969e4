package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncDispatcher;
import io.quarkiverse.etlify.SyncRequest;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;

/** A CRM's requests routed to the application's own dispatcher (quarkus.etlify.crm."name".dispatcher). */
@QuarkusTest
@PostgresTest
@TestProfile(CrmDispatcherTest.MirrorToOwnQueue.class)
class CrmDispatcherTest {

    public static class MirrorToOwnQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.etlify.crm.mirror.dispatcher", "own-queue");
        }
    }

    @ApplicationScoped
    @Identifier("own-queue")
    public static class OwnQueue implements SyncDispatcher {
        private final List<SyncRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public void dispatch(SyncRequest request) {
            requests.add(request);
        }

        List<SyncRequest> requests() {
            return requests;
        }
    }

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @Inject
    @Identifier("own-queue")
    OwnQueue ownQueue;

    @BeforeEach
    void clean() {
        fixtures.reset();
        ownQueue.requests().clear();
    }

    @Test
    void theCrmsRequestsGoToTheNamedDispatcherAndOtherCrmsKeepTheQueue() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.sync(user)).isTrue();

        assertThat(ownQueue.requests()).singleElement().satisfies(request -> {
            assertThat(request.crmName()).isEqualTo("mirror");
            assertThat(request.entityId()).isEqualTo(user.id);
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> crms.get("hubspot").callCount("upsert") == 1);
        assertThat(crms.get("mirror").calls()).isEmpty();
    }
}
