package org.acme.quickstart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkiverse.etlify.Etlify;

// tag::sync[]
@ApplicationScoped
public class Signup {

    @Inject
    Etlify etlify;

    @Transactional
    public User register(String email, String firstName, String lastName) {
        User user = new User();
        user.email = email;
        user.firstName = firstName;
        user.lastName = lastName;
        user.persist();
        etlify.sync(user); // sent to the CRM once this transaction commits; nothing if it rolls back
        return user;
    }
}
// end::sync[]
