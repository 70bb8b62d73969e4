package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmUnauthorizedException;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/** delete(entity): DELETED, NOOP, 404 counted as deleted, typed errors otherwise. */
@QuarkusTest
@PostgresTest
class DeleteTest {

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    InMemoryCrm hubspot;

    @BeforeEach
    void clean() {
        fixtures.reset();
        hubspot = crms.get("hubspot");
    }

    @Test
    void deletesAKnownRecordAndForgetsItsCrmIdSoALaterSyncCreatesIt() {
        User user = fixtures.user("ada@example.com", "Ada");
        etlify.crm("hubspot").syncNow(user);
        String crmId = fixtures.syncRow("hubspot", "User", user.id).crmId;

        assertThat(etlify.crm("hubspot").delete(user)).isEqualTo(DeleteResult.DELETED);

        assertThat(hubspot.calls("delete")).singleElement().satisfies(call -> assertThat(call.crmId()).isEqualTo(crmId));
        assertThat(hubspot.count("contacts")).isZero();
        CrmSynchronisation row = fixtures.syncRow("hubspot", "User", user.id);
        assertThat(row.crmId).isNull();
        assertThat(row.lastDigest).isNull();

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        assertThat(hubspot.calls("upsert").get(1).crmId()).isNull();
        assertThat(hubspot.count("contacts")).isEqualTo(1);
    }

    @Test
    void noopWithoutACrmId() {
        User user = fixtures.user("ada@example.com", "Ada");

        assertThat(etlify.crm("hubspot").delete(user)).isEqualTo(DeleteResult.NOOP);
        assertThat(hubspot.calls()).isEmpty();
    }

    @Test
    void aRecordTheCrmNoLongerKnowsCountsAsDeleted() {
        User user = fixtures.user("ada@example.com", "Ada");
        etlify.crm("hubspot").syncNow(user);
        hubspot.reset(); // the CRM lost the record

        assertThat(etlify.crm("hubspot").delete(user)).isEqualTo(DeleteResult.DELETED);
        assertThat(fixtures.syncRow("hubspot", "User", user.id).crmId).isNull();
    }

    @Test
    void otherFailuresSurfaceAsTypedExceptionsAndKeepTheCrmId() {
        User user = fixtures.user("ada@example.com", "Ada");
        etlify.crm("hubspot").syncNow(user);
        hubspot.failNext(new CrmUnauthorizedException("token revoked", 401, "INVALID_AUTHENTICATION", "c-9", null));

        assertThatThrownBy(() -> etlify.crm("hubspot").delete(user))
                .isInstanceOf(CrmUnauthorizedException.class)
                .satisfies(e -> assertThat(((CrmUnauthorizedException) e).status()).isEqualTo(401));
        assertThat(fixtures.syncRow("hubspot", "User", user.id).crmId).isNotNull();
    }
}
