package io.quarkiverse.etlify.it;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.SyncGuard;

/** The seed's {@code sync_if: ->(user) { user.email.present? }}. */
@ApplicationScoped
public class UserHasEmail implements SyncGuard<User> {

    @Override
    public boolean shouldSync(User user) {
        return user.email != null && !user.email.isBlank();
    }
}
