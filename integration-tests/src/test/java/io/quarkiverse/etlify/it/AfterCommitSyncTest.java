package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** sync(entity): dispatched once the caller's transaction commits, never inside it. */
@QuarkusTest
@PostgresTest
class AfterCommitSyncTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @Inject
    QueueingDispatcher queueingDispatcher;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        fixtures.reset();
        queueingDispatcher.queue().clear();
        hubspot = crms.get("hubspot");
    }

    @Test
    void theSyncRunsAfterTheCallersTransactionCommits() {
        User user = QuarkusTransaction.requiringNew().call(() -> {
            User u = new User();
            u.email = "ada@example.com";
            u.persist();
            assertThat(etlify.crm("hubspot").sync(u)).isTrue();
            assertThat(hubspot.calls()).as("nothing reaches the CRM before commit").isEmpty();
            return u;
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.syncRow("hubspot", "User", user.id) != null
                && fixtures.syncRow("hubspot", "User", user.id).crmId != null);
        assertThat(hubspot.objects("contacts").values()).singleElement()
                .satisfies(contact -> assertThat(contact).containsEntry("email", "ada@example.com"));
    }

    @Test
    void nothingIsSyncedWhenTheTransactionRollsBack() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            etlify.crm("hubspot").sync(User.findById(user.id));
            throw new IllegalStateException("the caller fails");
        })).hasMessage("the caller fails");

        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> hubspot.calls().isEmpty());
        assertThat(fixtures.syncRows("hubspot")).isZero();
    }

    @Test
    void repeatedRequestsInOneTransactionCollapseIntoOneSync() {
        User user = fixtures.user("ada@example.com", "Ada");

        QuarkusTransaction.requiringNew().run(() -> {
            User managed = User.findById(user.id);
            etlify.crm("hubspot").sync(managed);
            managed.firstName = "Augusta";
            etlify.crm("hubspot").sync(managed);
            etlify.crm("hubspot").sync(managed);
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> hubspot.callCount("upsert") == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> hubspot.callCount("upsert") == 1);
        assertThat(hubspot.calls("upsert").get(0).payload()).containsEntry("firstname", "Augusta");
    }

    @Test
    void theGuardsVerdictIsTheReturnValue() {
        User user = fixtures.user(null, "Nomail");

        assertThat(etlify.crm("hubspot").sync(user)).isFalse();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> hubspot.calls().isEmpty());
    }

    @Test
    void outsideATransactionTheSyncIsDispatchedRightAway() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("hubspot").sync(user)).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> hubspot.callCount("upsert") == 1);
    }

    @Test
    void aMappingsOwnDispatcherTakesTheRequest() {
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.plan = "gold";
            s.persist();
            return s;
        });

        assertThat(etlify.crm("mirror").sync(subscription)).isTrue();

        assertThat(queueingDispatcher.queue()).singleElement().satisfies(request -> {
            assertThat(request.crmName()).isEqualTo("mirror");
            assertThat(request.entityType()).isEqualTo(Subscription.class);
            assertThat(request.entityId()).isEqualTo(subscription.id);
            assertThat(request.resourceType()).isEqualTo("Subscription");
            assertThat(request.resourceId()).isEqualTo(subscription.id.toString());
        });
        assertThat(crms.get("mirror").calls()).isEmpty();
        var request = queueingDispatcher.queue().get(0);
        assertThat(etlify.crm(request.crmName()).syncNow(request.entityType(), request.entityId()))
                .isEqualTo(SyncResult.SYNCED);
        assertThat(crms.get("mirror").count("subscriptions")).isEqualTo(1);
    }
}
