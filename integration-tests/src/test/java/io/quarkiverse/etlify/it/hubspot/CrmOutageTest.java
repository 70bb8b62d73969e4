package io.quarkiverse.etlify.it.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.hubspot.sandbox.CrmObject;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A CRM-wide failure is never charged to records: through a storm of server errors, an outage and
 * refused credentials, every record queued ends up in the CRM exactly once with no error counted,
 * while a record the CRM rejects for its own data still counts up to max-sync-errors.
 */
@QuarkusTest
@PostgresTest
@TestProfile(OutageHubSpotProfile.class)
class CrmOutageTest extends HubSpotTestBase {

    private static final int USERS = 1_000;

    @Test
    void aStormOfServerErrorsThenAnOutageDelaysRecordsButNeverCountsOrDropsThem() {
        fixtures.users(USERS);
        // 10 users per request, 100 ms each: the queue drains over several seconds, through the storm
        sandbox.faults().latency(Duration.ofMillis(100)).failRandomly(0.3, 500, 503);
        List<CrmState.Condition> seen = new CopyOnWriteArrayList<>();

        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class));
        // the storm hits a good share of the requests before the outage starts
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.statusCount(500) + sandbox.statusCount(503) >= 10);
        sandbox.faults().failRandomly(1.0, 503);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            seen.add(etlify.crm("hubspot").state().condition());
            return seen.contains(CrmState.Condition.CIRCUIT_OPEN);
        });
        // the outage outlasts the circuit's delay: its next trial request fails too
        long failedWhenOpened = sandbox.statusCount(503);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.statusCount(503) > failedWhenOpened);
        sandbox.faults().clear();

        await().atMost(Duration.ofSeconds(90)).until(() -> pendingRequests() == 0);
        assertThat(seen).as("the outage opened the circuit, visible through the API").contains(CrmState.Condition.CIRCUIT_OPEN);
        assertEveryUserInHubSpotOnceWithoutError();
    }

    @Test
    void refusedCredentialsDeferEveryRecordUntilTheTokenWorksAgain() {
        fixtures.users(200);
        sandbox.faults().refuseCredentials(true);

        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> etlify.crm("hubspot").state().condition() == CrmState.Condition.UNAUTHORIZED);
        CrmState unauthorized = etlify.crm("hubspot").state();
        // after each unauthorized-pause (300 ms) one request finds out whether the token works again
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.statusCount(401) >= 4);
        sandbox.faults().refuseCredentials(false);

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRequests() == 0);
        assertThat(unauthorized.since()).isNotNull();
        assertThat(unauthorized.reason()).contains("401").doesNotContain(HubSpotProfile.TOKEN);
        assertThat(sandbox.statusCount(401)).as("requests were refused meanwhile").isPositive();
        assertThat(etlify.crm("hubspot").state().isUsable()).isTrue();
        assertThat(sandbox.objects("contacts")).hasSize(200);
        assertThat(rowsWithErrors()).isZero();
    }

    @Test
    void aRecordTheCrmRejectsStillCountsAndIsRetriedUpToMaxSyncErrors() {
        List<User> users = fixtures.users(20);
        String rejected = users.get(7).email;
        sandbox.faults().failInputsWhere((type, properties) -> rejected.equals(properties.get("email")),
                "Email address " + rejected + " is invalid");

        etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class));

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRequests() == 0);
        CrmSynchronisation row = fixtures.syncRow("hubspot", "User", users.get(7).id);
        assertThat(row.errorCount).isEqualTo(3);
        assertThat(row.lastError).contains("is invalid");
        assertThat(sandbox.objects("contacts")).hasSize(19);
        assertThat(sandbox.requests().stream().filter(request -> request.body() != null
                && request.body().contains(rejected)).count()).as("tried max-sync-errors times")
                .isGreaterThanOrEqualTo(3);
    }

    private void assertEveryUserInHubSpotOnceWithoutError() {
        List<CrmObject> contacts = sandbox.objects("contacts");
        Set<String> emails = contacts.stream().map(contact -> contact.properties().get("email")).collect(Collectors.toSet());
        assertThat(contacts).hasSize(USERS);
        assertThat(emails).hasSize(USERS);
        assertThat(rowsWithErrors()).as("no error counted").isZero();
        assertThat(syncedRows()).isEqualTo(USERS);
    }

    private long pendingRequests() {
        return QuarkusTransaction.requiringNew()
                .call(() -> CrmSynchronisation.count("crmName = ?1 and syncRequestedAt is not null", "hubspot"));
    }

    private long rowsWithErrors() {
        return QuarkusTransaction.requiringNew()
                .call(() -> CrmSynchronisation.count("crmName = ?1 and errorCount > 0", "hubspot"));
    }

    private long syncedRows() {
        return QuarkusTransaction.requiringNew()
                .call(() -> CrmSynchronisation.count("crmName = ?1 and crmId is not null", "hubspot"));
    }
}
