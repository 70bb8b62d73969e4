package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** resource_type is the mapped entity's name, resource_id the canonical id: Long and UUID alike. */
@QuarkusTest
@PostgresTest
class ResourceIdentityTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void uuidIdsOfACustomObject() {
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = new Subscription();
            s.plan = "gold";
            s.persist();
            return s;
        });

        assertThat(etlify.crm("hubspot").syncNow(subscription)).isEqualTo(SyncResult.SYNCED);

        assertThat(fixtures.syncRow("hubspot", "Subscription", subscription.id.toString())).isNotNull();
        assertThat(crms.get("hubspot").calls("upsert")).singleElement().satisfies(call -> {
            assertThat(call.objectType()).isEqualTo("p123_subscription");
            assertThat(call.idProperty()).isEqualTo("subscription_id");
        });
    }

    @Test
    void aSubclassIsSyncedUnderItsMappedEntitysName() {
        AdminUser admin = QuarkusTransaction.requiringNew().call(() -> {
            AdminUser a = new AdminUser();
            a.email = "root@example.com";
            a.team = "ops";
            a.persist();
            return a;
        });

        assertThat(etlify.crm("hubspot").syncNow(admin)).isEqualTo(SyncResult.SYNCED);
        assertThat(fixtures.syncRow("hubspot", "User", admin.id)).isNotNull();
        // loaded through the superclass, a proxy or the subclass, it is the same record
        assertThat(etlify.crm("hubspot").syncNow(User.class, admin.id)).isEqualTo(SyncResult.NOT_MODIFIED);
    }
}
