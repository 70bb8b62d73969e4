package io.quarkiverse.etlify.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
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

/**
 * The demo runs as README says ({@code java -jar demo/target/quarkus-app/quarkus-run.jar}, no token: the local
 * HubSpot sandbox), prints the expected story, then serves the admin console with the credentials it printed until
 * Enter stops it. The HTTP port is a free one here ({@code QUARKUS_HTTP_PORT=0}), so the printed URL must name it.
 */
class DemoMainIT {

    private static final Pattern CONSOLE = Pattern
            .compile("The admin console .*: (http://localhost:\\d+)/q/etlify/console");
    private static final Pattern CREDENTIALS = Pattern
            .compile("sign in as user (\\S+), password (\\S+) \\(role etlify-admin");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void tellsTheStoryThenServesTheConsoleWithThePrintedCredentials() throws Exception {
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true);
        command.environment().remove(DemoMain.TOKEN_VARIABLE);
        command.environment().put("QUARKUS_HTTP_PORT", "0");
        Process demo = command.start();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> copy(demo, out), "demo-output");
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> CREDENTIALS.matcher(out).find() || !demo.isAlive());
            Matcher console = CONSOLE.matcher(out);
            Matcher credentials = CREDENTIALS.matcher(out);
            assertThat(console.find() && credentials.find()).as("console URL and credentials in:%n%s", out).isTrue();
            String base = console.group(1);
            String authorization = basic(credentials.group(1), credentials.group(2));

            HttpResponse<String> page = get(base + "/q/etlify/console", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<title>Etlify console</title>");

            HttpResponse<String> status = get(base + "/q/etlify/status", authorization);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"crm\":\"hubspot\",\"model\":\"User\",\"records\":3",
                    "\"crm\":\"hubspot\",\"model\":\"Company\",\"records\":1");
            assertThat(get(base + "/q/etlify/status", null).statusCode()).isEqualTo(401);
            assertThat(get(base + "/q/etlify/status", basic(credentials.group(1), "not-the-password")).statusCode())
                    .isEqualTo(401);

            try (OutputStream in = demo.getOutputStream()) {
                in.write('\n');
            }
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo stops on Enter").isTrue();
            reader.join(10_000);
            assertThat(demo.exitValue()).isZero();
        } finally {
            demo.destroyForcibly();
        }
        String story = out.toString();
        assertThat(story).doesNotContain("WARN", "ERROR");
        assertThat(story).contains("Ada <ada@capsens.eu>         -> BUFFERED", "Company Capsens              -> SYNCED",
                "Ada <ada@capsens.eu>         -> SYNCED", "Anonymous <null>             -> SKIPPED",
                "Grace <grace@capsens.eu>     -> NOT_MODIFIED", "Ada <ada.lovelace@capsens.eu> -> SYNCED",
                "(4 requests: CREATE=1, UPDATE=1, BATCH_UPSERT=2; contract violations: 0)",
                "companies 1001 {domain=capsens.eu, name=Capsens}",
                "contacts 1002 {company=Capsens, email=ada.lovelace@capsens.eu, firstname=Ada, lastname=Lovelace,"
                        + " total_invested=2500.00}",
                "Deleting Grace from the CRM: DELETED; once more: NOOP");
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
