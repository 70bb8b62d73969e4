package io.quarkiverse.etlify.runtime.state;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Brings Etlify's tables up to date with Flyway (own history table), or checks that they are when
 * the application manages its schema itself.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final String dataSourceName;
    private final String dbKind;

    public SchemaMigrator(DataSource dataSource, String dataSourceName, String dbKind) {
        this.dataSource = dataSource;
        this.dataSourceName = dataSourceName;
        this.dbKind = dbKind;
    }

    /** Applies pending migrations. */
    public void migrate() {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        Flyway flyway = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .table(EtlifyMigrations.HISTORY_TABLE)
                // the application's tables are already there: start Etlify's own history at 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(new BundledScripts(classLoader))
                .javaMigrationClassProvider(() -> List.of())
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        LOG.debugf("Etlify applied %d migration(s) to datasource %s", applied, dataSourceName);
    }

    /**
     * Empties the tables describing records ({@code crm_synchronisations}, {@code etlify_pending_syncs}); the rate
     * limits and leases, which describe the CRM account and the instances, stay.
     *
     * @param reason why, for the log
     */
    public void clearSyncState(String reason) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            int pending = statement.executeUpdate("DELETE FROM etlify_pending_syncs");
            statement.executeUpdate("DELETE FROM etlify_sync_inbox");
            int synced = statement.executeUpdate("DELETE FROM crm_synchronisations");
            LOG.infof("Etlify cleared the sync state of %d record(s) and %d buffered sync(s) in datasource %s: the"
                    + " application's tables are dropped at start (%s)", synced, pending, dataSourceName, reason);
        } catch (SQLException e) {
            throw new IllegalStateException("Etlify could not clear its sync state in datasource " + dataSourceName, e);
        }
    }

    /** Fails with the scripts to run when a table or column Etlify needs is missing. */
    public void verify() {
        List<String> missing = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            EtlifyMigrations.REQUIRED_COLUMNS.forEach((table, columns) -> {
                List<String> present = columnsOf(metaData, table);
                if (present.isEmpty()) {
                    missing.add("table " + table);
                } else {
                    columns.stream().filter(column -> !present.contains(column))
                            .forEach(column -> missing.add("column " + table + "." + column));
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Etlify could not inspect datasource " + dataSourceName, e);
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("Etlify's schema is missing " + String.join(", ", missing.stream().sorted().toList())
                    + " in datasource " + dataSourceName + ". Either set quarkus.etlify.schema.migrate-at-start=true,"
                    + " or apply these scripts from the quarkus-etlify jar, in order, with your own migrations: "
                    + String.join(", ", EtlifyMigrations.paths(dbKind)));
        }
    }

    private static List<String> columnsOf(DatabaseMetaData metaData, String table) {
        List<String> columns = new ArrayList<>();
        // identifiers are stored upper-case by H2 and lower-case by PostgreSQL
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = metaData.getColumns(null, null, name, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (!columns.isEmpty()) {
                break;
            }
        }
        return columns;
    }

    /** Hands Flyway the scripts listed in {@link EtlifyMigrations} instead of letting it scan. */
    private final class BundledScripts implements ResourceProvider {

        private final ClassLoader classLoader;
        private final Location location;

        BundledScripts(ClassLoader classLoader) {
            this.classLoader = classLoader;
            this.location = new Location("classpath:" + EtlifyMigrations.folder(dbKind));
        }

        @Override
        public LoadableResource getResource(String name) {
            return all().stream().filter(resource -> resource.getFilename().equals(name)).findFirst().orElse(null);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return all().stream()
                    .filter(resource -> resource.getFilename().startsWith(prefix)
                            && Arrays.stream(suffixes).anyMatch(resource.getFilename()::endsWith))
                    .toList();
        }

        private List<LoadableResource> all() {
            return EtlifyMigrations.paths(dbKind).stream()
                    .map(path -> (LoadableResource) new ClassPathResource(location, path, classLoader,
                            StandardCharsets.UTF_8))
                    .toList();
        }
    }
}
