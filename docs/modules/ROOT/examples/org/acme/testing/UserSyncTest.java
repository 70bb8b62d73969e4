package org.acme.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.acme.quickstart.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.RecordSyncState;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

// tag::test[]
@QuarkusTest
class UserSyncTest {

    @Inject
    Etlify etlify;

    @Inject
    InMemoryCrms crms; // the in-memory CRMs, one per CRM name

    @BeforeEach
    void emptyTheCrms() {
        crms.resetAll();
    }

    @Test
    void syncsAUserAsAContact() {
        User user = persisted("alan@example.com");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        InMemoryCrm hubspot = crms.get("hubspot");
        assertThat(hubspot.objects("contacts").values())
                .anySatisfy(contact -> assertThat(contact).containsEntry("email", "alan@example.com"));
        assertThat(hubspot.calls("upsert")).filteredOn(call -> "alan@example.com".equals(call.payload().get("email")))
                .hasSize(1);
    }

    @Test
    void aRejectedUserCountsAnError() {
        User user = persisted("not-an-email");
        crms.get("hubspot").failWhen(call -> "not-an-email".equals(call.payload().get("email")),
                new CrmValidationException("Property values were not valid", 400, "VALIDATION_ERROR", null, null));

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.ERROR);
        assertThat(etlify.crm("hubspot").syncState(user)).get().extracting(RecordSyncState::errorCount).isEqualTo(1);
    }

    private static User persisted(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = new User();
            user.email = email;
            user.persist();
            return user;
        });
    }
}
// end::test[]
