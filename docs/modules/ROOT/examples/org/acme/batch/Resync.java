package org.acme.batch;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.acme.crm.Company;
import org.acme.quickstart.User;
import org.jboss.logging.Logger;

import io.quarkiverse.etlify.BatchSync;
import io.quarkiverse.etlify.BatchSyncStats;
import io.quarkiverse.etlify.Etlify;

@ApplicationScoped
public class Resync {

    private static final Logger LOG = Logger.getLogger(Resync.class);

    @Inject
    Etlify etlify;

    // tag::inline[]
    public BatchSyncStats usersAndCompaniesNow() {
        BatchSyncStats stats = etlify.batchSync(BatchSync.options()
                .crm("hubspot").models(User.class, Company.class) // default: every CRM, every model
                .inline() // default: async (queue them)
                .batchSize(1_000)); // ids per page
        LOG.infof("%d records, %d errors, %d deferred; per model %s", stats.total(), stats.errors(),
                stats.deferred(), stats.perModel()); // the gem's {total:, per_model:, errors:}
        Map<String, BatchSyncStats.Counts> hubspot = stats.perCrm().get("hubspot"); // by entity name
        if (hubspot != null) { // absent when another run of this CRM was going on: see alreadyRunning()
            BatchSyncStats.Counts users = hubspot.get("User");
            LOG.infof("users: %d records, %d errors, %d deferred", users.records(), users.errors(), users.deferred());
        }
        return stats;
    }
    // end::inline[]

    // tag::async[]
    public BatchSyncStats everythingInTheBackground() {
        // every enabled CRM and mapped model; stale records are queued for the workers of every instance
        BatchSyncStats stats = etlify.batchSync(BatchSync.options());
        stats.alreadyRunning().forEach((crm, holder) -> LOG.infof("%s skipped: a batch sync runs on %s", crm, holder));
        return stats;
    }
    // end::async[]

    // tag::force[]
    public BatchSyncStats resendEveryStaleUser() {
        // ignores stored digests: every stale user is sent, even when its payload did not change
        return etlify.batchSync(BatchSync.options().crm("hubspot").models(User.class).inline().force());
    }
    // end::force[]
}
