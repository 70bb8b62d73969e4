package io.quarkiverse.etlify.demo;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.SyncGuard;

@ApplicationScoped
public class UserHasEmail implements SyncGuard<User> {

    @Override
    public boolean shouldSync(User user) {
        return user.email != null && !user.email.isBlank();
    }
}
