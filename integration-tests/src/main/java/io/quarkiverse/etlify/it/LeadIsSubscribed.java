package io.quarkiverse.etlify.it;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.SyncGuard;

@ApplicationScoped
public class LeadIsSubscribed implements SyncGuard<Lead> {

    @Override
    public boolean shouldSync(Lead lead) {
        // throws for a lead without a status
        return !lead.status.equals("unsubscribed");
    }
}
