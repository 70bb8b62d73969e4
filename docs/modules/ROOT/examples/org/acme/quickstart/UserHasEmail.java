package org.acme.quickstart;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.SyncGuard;

// tag::guard[]
@ApplicationScoped
public class UserHasEmail implements SyncGuard<User> {

    @Override
    public boolean shouldSync(User user) {
        return user.email != null && !user.email.isBlank();
    }
}
// end::guard[]
