package io.quarkiverse.etlify.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.Etlified;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;
import io.quarkiverse.etlify.deployment.model.Account;
import io.quarkiverse.etlify.deployment.model.AccountSerializer;
import io.quarkiverse.etlify.deployment.model.Customer;
import io.quarkiverse.etlify.deployment.model.CustomerSerializer;
import io.quarkiverse.etlify.deployment.model.Order;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.stale.StaleRecordFinder;
import io.quarkiverse.etlify.runtime.state.SchemaMigrator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With Hibernate's {@code drop-and-create} (the Quarkus default with Dev Services): Hibernate leaves Etlify's tables
 * to Etlify's migrations, so they keep their unique index and generated column, and the sync state of the dropped
 * rows goes with them; the rate limits and leases stay.
 */
class DropAndCreateSchemaTest {

    private static final String DATABASE = "drop-and-create";

    static {
        // what a previous run left, before this application starts (once: Quarkus loads this class again)
        if (System.getProperty(DATABASE + ".prepared") == null) {
            System.setProperty(DATABASE + ".prepared", "true");
            previousRun();
        }
    }

    @Entity
    @DiscriminatorValue("vip")
    @Etlified(crm = "hubspot", objectType = "contacts", idProperty = "email", serializer = CustomerSerializer.class)
    public static class VipCustomer extends Customer {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.h2(DATABASE, VipCustomer.class, Customer.class, Account.class,
            Order.class, CustomerSerializer.class, AccountSerializer.class)
            .overrideConfigKey("quarkus.hibernate-orm.schema-management.strategy", "drop-and-create");

    @Inject
    Etlify etlify;

    @Inject
    EntityManager em;

    @Inject
    StaleRecordFinder finder;

    @Inject
    MappingRegistry registry;

    @Test
    void etlifyTablesKeepTheSchemaOfItsMigrations() {
        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'CRM_SYNCHRONISATIONS'"
                + " AND COLUMN_NAME = 'RESOURCE_NUMBER' AND IS_GENERATED = 'ALWAYS'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'UNIQUE'"
                + " AND CONSTRAINT_NAME IN ('IDX_CRM_SYNC_ON_RESOURCE', 'IDX_PENDING_SYNCS_UNIQUE')")).isEqualTo(2);
    }

    @Test
    void syncStateOfTheDroppedRowsIsGoneLimitsAndLeasesStay() {
        assertThat(count("SELECT COUNT(*) FROM crm_synchronisations WHERE crm_id = 'contact-of-the-dropped-row'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM etlify_pending_syncs WHERE dependent_id = 'dropped'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM etlify_leases WHERE name = 'previous-run'")).isEqualTo(1);
    }

    @Test
    void syncAndStaleFinderWorkOnTheRecreatedSchema() {
        VipCustomer customer = new VipCustomer();
        customer.email = "ada@example.com";
        TestApps.persisted(customer);
        var mapping = registry.mappingFor(VipCustomer.class, "hubspot").orElseThrow();
        assertThat(finder.count(mapping, 3)).isEqualTo(1);

        assertThat(etlify.crm("hubspot").syncNow(customer)).isEqualTo(SyncResult.SYNCED);
        assertThat(etlify.crm("hubspot").syncNow(customer)).isEqualTo(SyncResult.NOT_MODIFIED);
        assertThat(finder.count(mapping, 3)).isZero();
        assertThat(count("SELECT COUNT(*) FROM crm_synchronisations WHERE resource_number = " + customer.id)).isEqualTo(1);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** Etlify's tables as migrated, with a sync row, a buffered sync and a lease. */
    private static void previousRun() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + DATABASE + ";DB_CLOSE_DELAY=-1");
        new SchemaMigrator(dataSource, "previous run", "h2").migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO crm_synchronisations (crm_name, resource_type, resource_id, crm_id,"
                    + " error_count, created_at, updated_at) VALUES ('hubspot', 'VipCustomer', '1',"
                    + " 'contact-of-the-dropped-row', 0, now(), now())");
            statement.executeUpdate("INSERT INTO etlify_pending_syncs (dependent_type, dependent_id, dependency_type,"
                    + " dependency_id, crm_name, created_at, updated_at) VALUES ('VipCustomer', 'dropped', 'Account', '1',"
                    + " 'hubspot', now(), now())");
            statement.executeUpdate("INSERT INTO etlify_leases (name, owner, expires_at) VALUES ('previous-run',"
                    + " 'instance-1', now())");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
