package io.quarkiverse.etlify.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo runs as README says ({@code java -jar demo/target/quarkus-app/quarkus-run.jar}, no token: the local
 * HubSpot sandbox, on a free HTTP port here): it seeds, syncs everything, keeps editing records whose changes reach
 * the sandbox with no call to sync, serves the admin console with the credentials it printed, and stops on Enter.
 */
class DemoMainIT {

    private static final Pattern SANDBOX = Pattern.compile("a local HubSpot sandbox at (http://\\S+) ");
    private static final Pattern INITIAL_SYNC = Pattern
            .compile("synced 11,000 of 11,000 records in [\\d.]+ s · [\\d,]+ records/s\n");
    private static final Pattern CONSOLE = Pattern
            .compile("The admin console .*: (http://localhost:\\d+)/q/etlify/console");
    private static final Pattern CREDENTIALS = Pattern
            .compile("sign in as user (\\S+), password (\\S+) \\(role etlify-admin");
    /** An activity line once some change reached the CRM, with the latest change and what the CRM should show. */
    private static final Pattern ACTIVITY = Pattern.compile(
            "changes \\d+ · in the CRM [1-9]\\d* · .* latest: (\\S+) (lastname|total_invested)=(\\S+)\n");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void seedsSyncsKeepsChangesFlowingAndServesTheConsole() throws Exception {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true);
        command.environment().remove(DemoMain.TOKEN_VARIABLE);
        command.environment().remove("DEMO_USERS");
        command.environment().put("QUARKUS_HTTP_PORT", "0");
        Process demo = command.start();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> copy(demo, out), "demo-output");
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(5)).until(() -> CREDENTIALS.matcher(out).find() || !demo.isAlive());
            assertThat(out).as("boot, seed and initial sync")
                    .contains("1. Seeded 10,000 users, 1,000 companies and 20,000 investments in")
                    .containsPattern("The sandbox took [\\d,]+ requests \\(BATCH_CREATE=\\d+, BATCH_UPSERT=\\d+\\);"
                            + " contract violations: 0\\.");
            assertThat(INITIAL_SYNC.matcher(out).find()).as("initial sync complete in:%n%s", out).isTrue();
            Matcher sandbox = SANDBOX.matcher(out);
            Matcher console = CONSOLE.matcher(out);
            Matcher credentials = CREDENTIALS.matcher(out);
            assertThat(sandbox.find() && console.find() && credentials.find()).as("URLs and credentials in:%n%s", out)
                    .isTrue();

            checkConsole(console.group(1), credentials.group(1), credentials.group(2));

            await().atMost(Duration.ofMinutes(1)).until(() -> ACTIVITY.matcher(out).find());
            Matcher change = ACTIVITY.matcher(out);
            assertThat(change.find()).isTrue();
            String email = change.group(1);
            String property = change.group(2);
            String value = change.group(3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(contactProperty(sandbox.group(1), email, property)).isEqualTo(value));

            try (OutputStream in = demo.getOutputStream()) {
                in.write('\n');
            }
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo stops on Enter").isTrue();
            reader.join(10_000);
            assertThat(demo.exitValue()).isZero();
        } finally {
            demo.destroyForcibly();
        }
        assertThat(out.toString()).doesNotContain("WARN", "ERROR", "Exception");
    }

    private void checkConsole(String base, String user, String password) throws Exception {
        HttpResponse<String> page = get(base + "/q/etlify/console", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Etlify console</title>");

        HttpResponse<String> status = get(base + "/q/etlify/status", basic(user, password));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"crm\":\"hubspot\",\"model\":\"User\",\"records\":10000",
                "\"crm\":\"hubspot\",\"model\":\"Company\",\"records\":1000");
        assertThat(get(base + "/q/etlify/status", null).statusCode()).isEqualTo(401);
        assertThat(get(base + "/q/etlify/status", basic(user, "not-the-password")).statusCode()).isEqualTo(401);
    }

    /** The contact's property as the sandbox holds it, read over HubSpot's API. */
    private String contactProperty(String sandbox, String email, String property) throws Exception {
        HttpResponse<String> contact = get(sandbox + "/crm/v3/objects/contacts/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "?idProperty=email&properties=" + property,
                "Bearer " + DemoMain.SANDBOX_TOKEN);
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(200);
        return json.readTree(contact.body()).path("properties").path(property).asText(null);
    }

    private HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void copy(Process process, StringBuffer out) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
