package org.acme.sync;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.acme.quickstart.User;

import io.quarkiverse.etlify.DeleteResult;
import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.SyncResult;

@ApplicationScoped
public class UserCrmCalls {

    @Inject
    Etlify etlify;

    // tag::async[]
    @Transactional
    public boolean rename(Long id, String lastName) {
        User user = User.findById(id);
        user.lastName = lastName;
        // a durable request, written in this transaction; the queue syncs it after commit
        return etlify.sync(user); // every CRM the entity is mapped to; false when the guard rejects it
    }

    @Transactional
    public boolean renameInHubSpotOnly(Long id, String lastName) {
        User user = User.findById(id);
        user.lastName = lastName;
        return etlify.crm("hubspot").sync(user); // one CRM (gem: user.hubspot_sync!)
    }
    // end::async[]

    // tag::inline[]
    public SyncResult syncNow(User user) { // outside any transaction: the CRM is called now
        return etlify.crm("hubspot").syncNow(user); // gem: crm_sync!(async: false)
    }

    public SyncResult refresh(User user) {
        return etlify.crm("hubspot").forceSyncNow(user); // ignores the stored digest
    }

    public DeleteResult remove(User user) {
        return etlify.crm("hubspot").delete(user); // gem: hubspot_crm_delete!
    }

    public Map<String, Object> preview(User user) {
        return etlify.crm("hubspot").payload(user); // gem: hubspot_build_payload
    }

    public boolean hubSpotIsOn() {
        return etlify.isEnabled("hubspot"); // true for an unknown CRM name, as in the gem
    }
    // end::inline[]
}
