package org.acme.ops;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.acme.quickstart.User;

import io.quarkiverse.etlify.CrmOperations;
import io.quarkiverse.etlify.CrmState;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.RecordSyncState;

@ApplicationScoped
public class CrmMaintenance {

    @Inject
    Etlify etlify;

    // tag::state[]
    public String describe(User user) {
        Optional<RecordSyncState> state = etlify.crm("hubspot").syncState(user); // empty: never synced nor requested
        return state.map(s -> "CRM id " + s.crmId() + ", synced at " + s.lastSyncedAt() + ", " + s.errorCount()
                + " error(s), last: " + s.lastError()).orElse("never synced");
    }
    // end::state[]

    // tag::reset[]
    public long giveFailedRecordsAnotherChance(User fixed) {
        CrmOperations hubspot = etlify.crm("hubspot");
        hubspot.resetErrorCount(fixed); // one record (the gem's reset_error_count!)
        long users = hubspot.resetErrorCounts(User.class); // every user
        long all = hubspot.resetErrorCounts(); // every record of the CRM
        return users + all;
    }
    // end::reset[]

    // tag::pause[]
    public CrmState maintenanceWindow() {
        CrmOperations hubspot = etlify.crm("hubspot");
        hubspot.pause(Duration.ofMinutes(30), "HubSpot maintenance"); // every instance holds its requests
        CrmState state = hubspot.state(); // PAUSED, since, until, reason
        hubspot.resume(); // lifts the pause early, everywhere
        return state;
    }
    // end::pause[]

    // tag::count[]
    public long usersTheNextBatchSyncWouldTake() {
        return etlify.crm("hubspot").countStale(User.class);
    }
    // end::count[]
}
