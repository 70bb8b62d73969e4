package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A serializer or guard that throws leaves, in {@code last_error} and in one WARN line, which class failed
 * for which record, the exception and the line of the application's code that threw; it counts as an
 * error of that record.
 */
@QuarkusTest
@PostgresTest
class SerializerAndGuardFailuresTest {

    private static final String SERIALIZER_FRAME = " at io\\.quarkiverse\\.etlify\\.it\\.LeadSerializer\\.toPayload"
            + "\\(LeadSerializer\\.java:\\d+\\)$";
    private static final String GUARD_FRAME = " at io\\.quarkiverse\\.etlify\\.it\\.LeadIsSubscribed\\.shouldSync"
            + "\\(LeadIsSubscribed\\.java:\\d+\\)$";

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
    void aThrowingSerializerIsNamedWithTheRecordTheMessageAndTheLineInlineSync() {
        Lead nameless = fixtures.lead("nameless@example.com", null, lead -> {
        });

        try (LogCapture log = LogCapture.start()) {
            assertThat(etlify.crm("hubspot").syncNow(nameless)).isEqualTo(SyncResult.ERROR);

            CrmSynchronisation row = fixtures.syncRow("hubspot", "Lead", nameless.id);
            assertThat(row.lastError)
                    .startsWith("Serializer io.quarkiverse.etlify.it.LeadSerializer failed for Lead " + nameless.id
                            + ": NullPointerException: Cannot invoke \"String.trim()\" because the return value of"
                            + " \"io.quarkiverse.etlify.it.Lead.getName()\" is null")
                    .containsPattern(SERIALIZER_FRAME);
            assertThat(row.errorCount).isEqualTo(1);
            assertThat(warnings(log)).containsExactly(
                    "Sync of Lead " + nameless.id + " with CRM hubspot failed: " + row.lastError);
        }
        assertThat(etlify.crm("hubspot").syncNow(nameless)).isEqualTo(SyncResult.ERROR);
        assertThat(fixtures.syncRow("hubspot", "Lead", nameless.id).errorCount).as("counts towards max-sync-errors")
                .isEqualTo(2);
    }

    @Test
    void aThrowingGuardIsNamedWithTheRecordTheMessageAndTheLineInlineSync() {
        Lead statusless = fixtures.lead("statusless@example.com", "Ada", lead -> lead.status = null);

        try (LogCapture log = LogCapture.start()) {
            assertThat(etlify.crm("hubspot").syncNow(statusless)).isEqualTo(SyncResult.ERROR);

            String error = fixtures.syncRow("hubspot", "Lead", statusless.id).lastError;
            assertThat(error)
                    .startsWith("Guard (syncIf) io.quarkiverse.etlify.it.LeadIsSubscribed failed for Lead " + statusless.id
                            + ": NullPointerException: Cannot invoke \"String.equals(Object)\" because the return value of"
                            + " \"io.quarkiverse.etlify.it.Lead.getStatus()\" is null")
                    .containsPattern(GUARD_FRAME);
            assertThat(warnings(log)).containsExactly(
                    "Sync of Lead " + statusless.id + " with CRM hubspot failed: " + error);
        }
    }

    @Test
    void aBatchSyncRecordsTheSameForEachFailingRecordAndSyncsTheOthers() {
        Lead ada = fixtures.lead("ada@example.com", "Ada", lead -> {
        });
        Lead nameless = fixtures.lead("nameless@example.com", null, lead -> {
        });
        Lead statusless = fixtures.lead("statusless@example.com", "Bob", lead -> lead.status = null);

        try (LogCapture log = LogCapture.start()) {
            BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot").models(Lead.class).inline());

            assertThat(stats.total()).isEqualTo(3);
            assertThat(stats.errors()).isEqualTo(2);
            assertThat(crms.get("hubspot").count("contacts")).isEqualTo(1);
            assertThat(fixtures.syncRow("hubspot", "Lead", ada.id).crmId).isNotNull();
            String serializerError = fixtures.syncRow("hubspot", "Lead", nameless.id).lastError;
            assertThat(serializerError)
                    .startsWith("Serializer io.quarkiverse.etlify.it.LeadSerializer failed for Lead " + nameless.id
                            + ": NullPointerException: Cannot invoke \"String.trim()\"")
                    .containsPattern(SERIALIZER_FRAME);
            String guardError = fixtures.syncRow("hubspot", "Lead", statusless.id).lastError;
            assertThat(guardError)
                    .startsWith("Guard (syncIf) io.quarkiverse.etlify.it.LeadIsSubscribed failed for Lead "
                            + statusless.id + ": NullPointerException: Cannot invoke \"String.equals(Object)\"")
                    .containsPattern(GUARD_FRAME);
            assertThat(warnings(log)).containsExactlyInAnyOrder(
                    "Sync of Lead " + nameless.id + " with CRM hubspot failed: " + serializerError,
                    "Sync of Lead " + statusless.id + " with CRM hubspot failed: " + guardError);
        }
    }

    private static List<String> warnings(LogCapture log) {
        return log.lines().stream()
                .filter(line -> line.category().startsWith("io.quarkiverse.etlify.")
                        && line.level().intValue() == Level.WARNING.intValue())
                .map(LogCapture.Line::text)
                .toList();
    }
}
