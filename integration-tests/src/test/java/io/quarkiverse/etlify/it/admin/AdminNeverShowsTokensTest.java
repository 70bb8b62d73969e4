package io.quarkiverse.etlify.it.admin;

import static io.quarkiverse.etlify.it.admin.Admin.asAdmin;
import static io.quarkiverse.etlify.it.admin.Admin.asAdminWithJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.CrmValidationException;
import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.it.LogCapture;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.it.User;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/** A CRM answer quoting the configured token reaches no admin answer, no stored error and no log line, at DEBUG. */
@QuarkusTest
@PostgresTest
class AdminNeverShowsTokensTest {

    private static final String TOKEN = "pat-na1-it-secret-token-0001";

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void theTokenIsMaskedEverywhere() {
        User user = fixtures.user("dan@example.com", "Dan");
        memory.get("hubspot").failWhen(call -> true, new CrmValidationException(
                "refused for Authorization: Bearer " + TOKEN + " (token " + TOKEN + ")", 400, null, null, TOKEN));
        java.util.logging.Logger etlifyLogs = java.util.logging.Logger.getLogger("io.quarkiverse.etlify");
        Level before = etlifyLogs.getLevel();
        etlifyLogs.setLevel(Level.FINEST);
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = LogCapture.start()) {
            seen.append(asAdminWithJson("{}").post("/crms/hubspot/models/User/records/" + user.id + "/sync").then()
                    .statusCode(200).extract().asString());
            seen.append(asAdmin().get("/crms/hubspot/models/User/records/" + user.id).then().statusCode(200).extract()
                    .asString());
            seen.append(asAdmin().get("/failures").then().statusCode(200).extract().asString());
            seen.append(asAdmin().get("/crms").then().statusCode(200).extract().asString());
            seen.append(fixtures.syncRow("hubspot", "User", user.id).lastError);
            logs.lines().forEach(line -> seen.append(line.text()).append('\n'));
            assertThat(logs.lines()).as("the failure was logged").isNotEmpty();
        } finally {
            etlifyLogs.setLevel(before);
            memory.get("hubspot").reset();
        }
        assertThat(seen.toString()).contains("ERROR").doesNotContain(TOKEN).doesNotContain("it-secret-token");
    }
}
