package io.quarkiverse.etlify.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.runtime.state.EtlifyMigrations;
import io.quarkiverse.etlify.runtime.state.SyncKey;
import io.quarkiverse.etlify.runtime.state.SyncStateStore;
import io.quarkiverse.etlify.runtime.state.SyncStateStore.RowValues;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Two records landing on one CRM record (e-mails differing only in case, which the CRM matches as one contact)
 * are reported, on every supported database: the later one fails, counted, naming the record that holds the CRM
 * record, inline and in batches, across models mapped to one object type; the database refuses a CRM id stored
 * twice for one CRM and model; migration V9 keeps duplicates stored before for the first record only.
 */
abstract class AbstractCrmRecordConflictTest {

    private static final String OLD_SCHEMA = "etlify_before_v9";

    @Inject
    Etlify etlify;

    @Inject
    Fixtures fixtures;

    @Inject
    InMemoryCrms crms;

    @Inject
    SyncStateStore store;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void theSecondRecordLandingOnACrmRecordFailsNamingTheFirstAndKeepsFailing() {
        User ada = fixtures.user("ada@example.com", "Ada");
        User shouting = fixtures.user("ADA@example.com", "Shouting Ada");
        assertThat(etlify.crm("hubspot").syncNow(ada)).isEqualTo(SyncResult.SYNCED);
        String contact = fixtures.syncRow("hubspot", "User", ada.id).crmId;

        try (LogCapture log = LogCapture.start()) {
            assertThat(etlify.crm("hubspot").syncNow(shouting)).isEqualTo(SyncResult.ERROR);

            String error = "hubspot contacts record " + contact + " already belongs to User " + ada.id
                    + ": two records cannot share one CRM record";
            CrmSynchronisation refused = fixtures.syncRow("hubspot", "User", shouting.id);
            assertThat(refused.lastError).isEqualTo(error);
            assertThat(refused.errorCount).isEqualTo(1);
            assertThat(refused.crmId).isNull();
            assertThat(refused.lastDigest).isNull();
            assertThat(log.lines()).filteredOn(line -> line.level().intValue() == Level.WARNING.intValue())
                    .extracting(LogCapture.Line::text)
                    .contains("Sync of User " + shouting.id + " with CRM hubspot failed: " + error);
        }
        // the refused call wrote its payload into Ada's contact: Ada's sync was requested, and writes hers back
        awaitFirstName(contact, "Ada");
        assertThat(etlify.crm("hubspot").syncNow(shouting)).isEqualTo(SyncResult.ERROR);
        assertThat(fixtures.syncRow("hubspot", "User", shouting.id).errorCount).as("counted as its own failures")
                .isEqualTo(2);
        awaitFirstName(contact, "Ada");
        assertThat(fixtures.syncRow("hubspot", "User", ada.id).crmId).isEqualTo(contact);
        assertThat(crms.get("hubspot").count("contacts")).isEqualTo(1);
    }

    @Test
    void inOneBatchTheFirstRecordKeepsTheCrmRecordAndTheOthersFail() {
        User first = fixtures.user("grace@example.com", "Grace");
        User second = fixtures.user("Grace@Example.com", "Grace again");
        User third = fixtures.user("GRACE@EXAMPLE.COM", "Grace shouting");
        User other = fixtures.user("alan@example.com", "Alan");

        BatchSyncStats stats = etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline());

        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.errors()).isEqualTo(2);
        List<User> sharing = List.of(first, second, third);
        User holder = sharing.stream().filter(u -> fixtures.syncRow("hubspot", "User", u.id).crmId != null)
                .reduce((a, b) -> {
                    throw new AssertionError("two records hold one CRM record");
                }).orElseThrow();
        String contact = fixtures.syncRow("hubspot", "User", holder.id).crmId;
        sharing.stream().filter(u -> u != holder).forEach(u -> {
            CrmSynchronisation refused = fixtures.syncRow("hubspot", "User", u.id);
            assertThat(refused.lastError).startsWith("hubspot contacts record " + contact + " already belongs to User "
                    + holder.id + ":");
            assertThat(refused.errorCount).isEqualTo(1);
        });
        assertThat(fixtures.syncRow("hubspot", "User", other.id).crmId).isNotNull().isNotEqualTo(contact);
        awaitFirstName(contact, holder.firstName);
    }

    @Test
    void recordsOfAnotherModelMappedToTheSameObjectTypeCount() {
        User user = fixtures.user("ada@example.com", "Ada");
        assertThat(etlify.crm("hubspot").syncNow(user)).isEqualTo(SyncResult.SYNCED);
        Lead lead = fixtures.lead("Ada@Example.com", "Ada", l -> {
        });

        assertThat(etlify.crm("hubspot").syncNow(lead)).isEqualTo(SyncResult.ERROR);

        assertThat(fixtures.syncRow("hubspot", "Lead", lead.id).lastError).isEqualTo("hubspot contacts record "
                + fixtures.syncRow("hubspot", "User", user.id).crmId + " already belongs to User " + user.id
                + ": two records cannot share one CRM record");
    }

    @Test
    void theDatabaseRefusesACrmIdStoredTwiceForOneCrmAndModel() {
        tx(() -> {
            store.markSyncedAll(List.of(synced("hubspot", "User", "1", "500"), synced("hubspot", "Company", "1", "500"),
                    synced("mirror", "User", "1", "500")));
            return null;
        });

        assertThatThrownBy(() -> tx(() -> {
            store.markSynced(new SyncKey("hubspot", "User", "2"), "500", "digest", null);
            return null;
        })).satisfies(refused -> {
            StringWriter trace = new StringWriter();
            refused.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString().toLowerCase(Locale.ROOT)).contains("idx_crm_sync_on_crm_record");
        });
        assertThat(fixtures.syncRow("hubspot", "User", "2")).isNull();
        // several rows without a CRM id never collide
        tx(() -> {
            store.markUnchangedAll(List.of(RowValues.unchanged(new SyncKey("hubspot", "User", "3"), null),
                    RowValues.unchanged(new SyncKey("hubspot", "User", "4"), null)));
            return null;
        });
    }

    @Test
    void migrationV9KeepsACrmIdStoredTwiceBeforeForTheFirstRecordOnlyAndMakesTheOthersStale() throws SQLException {
        try {
            migrate("8");
            insert("hubspot", "User", "7", "500");
            insert("hubspot", "User", "8", "500");
            insert("hubspot", "User", "9", "500");
            insert("hubspot", "Lead", "3", "500"); // another model: left to the check of the next sync
            insert("mirror", "User", "8", "500"); // another CRM
            insert("hubspot", "User", "10", "600");

            migrate(null);

            Map<String, List<Object>> rows = rows();
            assertThat(rows.get("hubspot User 7")).containsExactly("500", "digest", true, null);
            String lost = "CRM record 500 was also stored for User 7, which keeps it (Etlify migration V9): the next"
                    + " sync of this record reports it if both still land on it";
            assertThat(rows.get("hubspot User 8")).containsExactly(null, null, false, lost);
            assertThat(rows.get("hubspot User 9")).containsExactly(null, null, false, lost);
            assertThat(rows.get("hubspot Lead 3")).containsExactly("500", "digest", true, null);
            assertThat(rows.get("mirror User 8")).containsExactly("500", "digest", true, null);
            assertThat(rows.get("hubspot User 10")).containsExactly("600", "digest", true, null);
            assertThatThrownBy(() -> insert("hubspot", "User", "11", "500")).isInstanceOf(SQLException.class);
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS \"" + OLD_SCHEMA + "\" CASCADE");
            }
        }
    }

    private void awaitFirstName(String contact, String firstName) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(crms.get("hubspot").find("contacts", contact))
                .hasValueSatisfying(properties -> assertThat(properties).containsEntry("firstname", firstName)));
    }

    /** Etlify's migrations up to {@code target} (all when {@code null}) in a schema of their own. */
    private void migrate(String target) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        String kind = dbKind();
        Location location = new Location("classpath:" + EtlifyMigrations.folder(kind));
        List<LoadableResource> scripts = EtlifyMigrations.paths(kind).stream()
                .map(path -> (LoadableResource) new ClassPathResource(location, path, classLoader, StandardCharsets.UTF_8))
                .toList();
        var configuration = Flyway.configure(classLoader).dataSource(dataSource).schemas(OLD_SCHEMA)
                .table(EtlifyMigrations.HISTORY_TABLE).javaMigrationClassProvider(List::of)
                .resourceProvider(new ResourceProvider() {
                    @Override
                    public LoadableResource getResource(String name) {
                        return scripts.stream().filter(s -> s.getFilename().equals(name)).findFirst().orElse(null);
                    }

                    @Override
                    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                        return scripts.stream().filter(s -> s.getFilename().startsWith(prefix)
                                && Arrays.stream(suffixes).anyMatch(s.getFilename()::endsWith)).toList();
                    }
                });
        (target == null ? configuration : configuration.target(target)).load().migrate();
    }

    private void insert(String crm, String type, String id, String crmId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("INSERT INTO \"" + OLD_SCHEMA + "\""
                        + ".crm_synchronisations (crm_name, resource_type, resource_id, crm_id, last_digest,"
                        + " source_watermark, error_count, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, 'digest', CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            statement.setString(1, crm);
            statement.setString(2, type);
            statement.setString(3, id);
            statement.setString(4, crmId);
            statement.executeUpdate();
        }
    }

    /** "crm type id" -> crm_id, last_digest, whether source_watermark is set, last_error. */
    private Map<String, List<Object>> rows() throws SQLException {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT crm_name, resource_type, resource_id, crm_id, last_digest,"
                        + " source_watermark, last_error FROM \"" + OLD_SCHEMA + "\".crm_synchronisations")) {
            while (rs.next()) {
                rows.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3), Arrays.asList(rs.getString(4),
                        rs.getString(5), rs.getObject(6) != null, rs.getString(7)));
            }
        }
        return rows;
    }

    private String dbKind() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "h2" : "postgresql";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RowValues synced(String crm, String type, String id, String crmId) {
        return RowValues.synced(new SyncKey(crm, type, id), crmId, "digest", null);
    }

    static <T> T tx(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
