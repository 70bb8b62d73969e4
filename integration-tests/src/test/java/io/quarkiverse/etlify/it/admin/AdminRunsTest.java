package io.quarkiverse.etlify.it.admin;

import static io.quarkiverse.etlify.it.admin.Admin.asAdmin;
import static io.quarkiverse.etlify.it.admin.Admin.asAdminWithJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.it.Fixtures;
import io.quarkiverse.etlify.it.LogCapture;
import io.quarkiverse.etlify.it.PostgresTest;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** POST /q/etlify/resync and the runs it starts: progress while running and after, abandoned runs, the run list. */
@QuarkusTest
@PostgresTest
class AdminRunsTest {

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms memory;

    @Inject
    EntityManager em;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void anInlineRunShowsItsProgressWhileRunningAndItsCountsAfter() throws InterruptedException {
        fixtures.users(3);
        CountDownLatch release = new CountDownLatch(1);
        memory.get("hubspot").onCall(call -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (LogCapture logs = LogCapture.start()) {
            String id = asAdminWithJson("{\"crm\": \"hubspot\", \"models\": [\"User\"], \"inline\": true}")
                    .post("/resync").then().statusCode(202).extract().path("id");

            JsonPath running = await().atMost(Duration.ofSeconds(20)).until(() -> run(id),
                    run -> run.getInt("found") == 3 && run.getString("status").equals("running"));
            assertThat(running.getString("trigger")).isEqualTo("admin");
            assertThat(running.getList("crms")).containsExactly("hubspot");
            assertThat(running.getInt("processed")).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> logs.lines().stream()
                    .anyMatch(line -> line.text().startsWith("Batch run " + id + ": 0 / 3 processed")));

            release.countDown();
            JsonPath finished = await().atMost(Duration.ofSeconds(20)).until(() -> run(id),
                    run -> run.getString("status").equals("finished"));
            assertThat(finished.getInt("processed")).isEqualTo(3);
            assertThat(finished.getInt("synced")).isEqualTo(3);
            assertThat(finished.getInt("failed")).isZero();
            assertThat(finished.getString("finishedAt")).isNotNull();
            assertThat(logs.lines()).anyMatch(line -> line.text().startsWith("Batch run " + id + " finished in")
                    && line.text().contains("3 found, 3 processed, 3 synced"));
        } finally {
            release.countDown();
            memory.get("hubspot").onCall(call -> {
            });
        }
        List<Map<String, Object>> runs = asAdmin().get("/runs").then().statusCode(200).extract().jsonPath()
                .getList("runs");
        assertThat(runs).hasSize(1);
    }

    @Test
    void anAsyncRunCountsWhatItQueued() {
        fixtures.users(2);
        String id = asAdminWithJson("{\"crm\": \"mirror\"}").post("/resync").then().statusCode(202).extract().path("id");

        JsonPath finished = await().atMost(Duration.ofSeconds(20)).until(() -> run(id),
                run -> run.getString("status").equals("finished"));
        assertThat(finished.getBoolean("inline")).isFalse();
        assertThat(finished.getInt("found")).isEqualTo(2);
        assertThat(finished.getInt("processed")).as("queued").isEqualTo(2);
    }

    @Test
    void aRunWhoseInstanceStoppedWritingIsAbandoned() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO etlify_batch_runs (id, trigger_kind,"
                + " run_inline, run_force, instance, processed, found, started_at, heartbeat_at) VALUES ('dead-run', 'admin',"
                + " true, false, 'gone-instance', 10, 100, CURRENT_TIMESTAMP - INTERVAL '1 hour',"
                + " CURRENT_TIMESTAMP - INTERVAL '50 minutes')").executeUpdate());

        asAdmin().get("/runs/dead-run").then().statusCode(200).body("status", equalTo("abandoned"))
                .body("instance", equalTo("gone-instance")).body("processed", equalTo(10));
    }

    @Test
    void unknownRunsAndModelsAreNotFound() {
        asAdmin().get("/runs/no-such-run").then().statusCode(404);
        asAdminWithJson("{\"models\": [\"java.lang.Runtime\"]}").post("/resync").then().statusCode(404);
        asAdminWithJson("{\"crm\": \"nowhere\"}").post("/resync").then().statusCode(404);
        asAdmin().queryParam("size", 0).get("/runs").then().statusCode(400);
    }

    private static JsonPath run(String id) {
        return asAdmin().get("/runs/" + id).then().statusCode(200).extract().jsonPath();
    }
}
