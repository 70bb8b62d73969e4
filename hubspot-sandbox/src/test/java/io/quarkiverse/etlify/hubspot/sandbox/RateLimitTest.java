package io.quarkiverse.etlify.hubspot.sandbox;

import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.createBody;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.eqSearch;
import static io.quarkiverse.etlify.hubspot.sandbox.SandboxClient.props;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RateLimitTest extends SandboxTestBase {

    private static final String OTHER_TOKEN = "pat-na1-other-account-5678";
    private static final int MAX = 3;
    private static final Duration WINDOW = Duration.ofMillis(500);

    /** The rate windows' time, moved by hand: it stands still however long a request takes. */
    private final AtomicLong nanoTime = new AtomicLong();

    @Override
    protected HubSpotSandbox.Builder configure(HubSpotSandbox.Builder builder) {
        return builder.accessTokens(TOKEN, OTHER_TOKEN).rateLimit(MAX, WINDOW).searchRateLimit(2)
                .retryAfterHeader(true).ticker(nanoTime::get);
    }

    @Test
    void burstLimitAnswers429WithHubSpotsBodyAndHeaders() {
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            SandboxClient.Reply ok = client.get("/crm/v3/objects/contacts?limit=1");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.longHeader("X-HubSpot-RateLimit-Max")).isEqualTo(MAX);
            assertThat(ok.longHeader("X-HubSpot-RateLimit-Interval-Milliseconds")).isEqualTo(WINDOW.toMillis());
            remaining.add(ok.longHeader("X-HubSpot-RateLimit-Remaining"));
        }
        assertThat(remaining).containsExactly(2L, 1L, 0L);

        SandboxClient.Reply limited = client.get("/crm/v3/objects/contacts?limit=1");
        assertThat(limited.status()).isEqualTo(429);
        JsonNode body = limited.json();
        assertThat(body.path("status").asText()).isEqualTo("error");
        assertThat(body.path("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(body.path("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(body.path("message").asText()).isEqualTo("You have reached your ten_secondly_rolling limit.");
        assertThat(body.path("groupName").asText()).isNotEmpty();
        assertThat(body.path("correlationId").asText()).isNotEmpty();
        assertThat(limited.longHeader("X-HubSpot-RateLimit-Remaining")).isZero();
        assertThat(limited.longHeader("Retry-After")).isEqualTo(1L);
        assertThat(sandbox.count429()).isEqualTo(1);

        nanoTime.addAndGet(WINDOW.minusMillis(1).toNanos());
        assertThat(client.get("/crm/v3/objects/contacts?limit=1").status()).as("within the window").isEqualTo(429);
        nanoTime.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(client.get("/crm/v3/objects/contacts?limit=1").status()).as("the window rolled on").isEqualTo(200);
    }

    @Test
    void rejectedRequestsChangeNothing() {
        for (int i = 0; i < MAX; i++) {
            client.get("/crm/v3/objects/contacts?limit=1");
        }
        SandboxClient.Reply limited = client.post("/crm/v3/objects/contacts", createBody(props("email", "x@example.com")));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(sandbox.count("contacts")).isZero();
    }

    @Test
    void eachTokenIsItsOwnAccount() {
        for (int i = 0; i < MAX; i++) {
            client.get("/crm/v3/objects/contacts?limit=1");
        }
        assertThat(client.get("/crm/v3/objects/contacts?limit=1").status()).isEqualTo(429);
        SandboxClient.Reply other = client.withToken(OTHER_TOKEN).get("/crm/v3/objects/contacts?limit=1");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.longHeader("X-HubSpot-RateLimit-Remaining")).isEqualTo(MAX - 1);
    }

    @Test
    void searchHasItsOwnLimit() {
        var search = eqSearch(List.of(List.<String[]>of(new String[] { "email", "x@example.com" })), 10, "0");
        assertThat(client.post("/crm/v3/objects/contacts/search", search).status()).isEqualTo(200);
        assertThat(client.post("/crm/v3/objects/contacts/search", search).status()).isEqualTo(200);
        SandboxClient.Reply limited = client.post("/crm/v3/objects/contacts/search", search);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("policyName").asText()).isEqualTo("SECONDLY");
        assertThat(limited.json().path("groupName").asText()).contains("search");

        SandboxClient.Reply plain = client.get("/crm/v3/objects/contacts?limit=1");
        assertThat(plain.status()).as("search does not use the burst budget").isEqualTo(200);
        assertThat(plain.longHeader("X-HubSpot-RateLimit-Remaining")).isEqualTo(MAX - 1);
    }

    @Test
    void dailyAndSecondlyLimits() {
        AtomicLong secondlyTime = new AtomicLong();
        try (HubSpotSandbox limited = HubSpotSandbox.builder().accessToken(TOKEN).noRateLimits().dailyLimit(3)
                .secondlyLimit(2).ticker(secondlyTime::get).build().start()) {
            SandboxClient daily = new SandboxClient(limited, TOKEN);
            SandboxClient.Reply first = daily.get("/crm/v3/objects/deals?limit=1");
            assertThat(first.longHeader("X-HubSpot-RateLimit-Daily")).isEqualTo(3);
            assertThat(first.longHeader("X-HubSpot-RateLimit-Daily-Remaining")).isEqualTo(2);
            assertThat(first.longHeader("X-HubSpot-RateLimit-Secondly")).isEqualTo(2);
            assertThat(first.longHeader("X-HubSpot-RateLimit-Secondly-Remaining")).isEqualTo(1);
            assertThat(first.header("X-HubSpot-RateLimit-Max")).as("burst limit switched off").isNull();
            assertThat(daily.get("/crm/v3/objects/deals?limit=1").status()).isEqualTo(200);

            SandboxClient.Reply secondly = daily.get("/crm/v3/objects/deals?limit=1");
            assertThat(secondly.status()).isEqualTo(429);
            assertThat(secondly.json().path("policyName").asText()).isEqualTo("SECONDLY");

            secondlyTime.addAndGet(Duration.ofSeconds(1).toNanos());
            SandboxClient.Reply last = daily.get("/crm/v3/objects/deals?limit=1");
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.longHeader("X-HubSpot-RateLimit-Daily-Remaining")).isZero();

            SandboxClient.Reply exhausted = daily.get("/crm/v3/objects/deals?limit=1");
            assertThat(exhausted.status()).isEqualTo(429);
            assertThat(exhausted.json().path("policyName").asText()).isEqualTo("DAILY");
            assertThat(exhausted.json().path("message").asText()).isEqualTo("You have reached your daily limit.");
            assertThat(limited.count429()).isEqualTo(2);
            assertThat(daily.responseProblems()).isEmpty();
        }
    }

    @Test
    void missingOrWrongTokenIsUnauthorized() {
        SandboxClient.Reply missing = client.withToken(null).get("/crm/v3/objects/contacts?limit=1");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
        assertThat(missing.json().path("status").asText()).isEqualTo("error");

        SandboxClient.Reply wrong = client.withToken("not-a-valid-token").post("/crm/v3/objects/contacts",
                createBody(props("email", "x@example.com")));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
        assertThat(sandbox.count("contacts")).isZero();
        assertThat(sandbox.statusCount(401)).isEqualTo(2);
        assertThat(sandbox.requests()).extracting(RecordedRequest::authenticated).containsExactly(false, false);
        assertThat(client.get("/crm/v3/objects/contacts?limit=1").longHeader("X-HubSpot-RateLimit-Remaining"))
                .as("unauthenticated requests use no budget").isEqualTo(MAX - 1);
    }
}
