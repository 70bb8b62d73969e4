package io.quarkiverse.etlify.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.acme.quickstart.Signup;
import org.acme.quickstart.User;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/** The getting-started page's quickstart, run as written: entity, serializer, guard and {@code sync}. */
@QuarkusTest
class QuickstartTest {

    @Inject
    Signup signup;

    @Inject
    Etlify etlify;

    @Inject
    InMemoryCrms crms;

    @Test
    void aUserWithoutLastNameReachesTheCrmAfterCommit() {
        User user = signup.register("ada@example.com", "Ada", null);

        await().atMost(Duration.ofSeconds(10)).until(() -> contact("ada@example.com").isPresent());
        assertThat(contact("ada@example.com").orElseThrow())
                .containsEntry("firstname", "Ada")
                .containsEntry("lastname", null);
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.NOT_MODIFIED);
    }

    @Test
    void theGuardKeepsUsersWithoutEmailOut() {
        User user = signup.register(null, "Grace", "Hopper");

        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SKIPPED);
        assertThat(crms.get("hubspot").objects("contacts").values())
                .noneMatch(contact -> "Grace".equals(contact.get("firstname")));
    }

    private Optional<Map<String, Object>> contact(String email) {
        return crms.get("hubspot").objects("contacts").values().stream()
                .filter(contact -> email.equals(contact.get("email"))).findFirst();
    }
}
