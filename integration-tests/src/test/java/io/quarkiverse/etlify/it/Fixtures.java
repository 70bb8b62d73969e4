package io.quarkiverse.etlify.it;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkiverse.etlify.runtime.state.CrmSynchronisation;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Test data helpers: each runs in its own committed transaction. */
@ApplicationScoped
public class Fixtures {

    @Inject
    EntityManager em;

    @Inject
    InMemoryCrms crms;

    /** Empties every table and every in-memory CRM. */
    public void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE partners SET sponsor_id = NULL").executeUpdate();
            em.createNativeQuery("DELETE FROM partners").executeUpdate();
            em.createNativeQuery("DELETE FROM agencies").executeUpdate();
            em.createNativeQuery("DELETE FROM subscriptions").executeUpdate();
            em.createNativeQuery("DELETE FROM leads").executeUpdate();
            em.createNativeQuery("DELETE FROM investments").executeUpdate();
            em.createNativeQuery("DELETE FROM app_users").executeUpdate();
            em.createNativeQuery("DELETE FROM companies").executeUpdate();
            for (String table : List.of("oc_referrals", "oc_investor_labels", "oc_investor_nicknames",
                    "oc_investor_cards", "oc_pledges", "oc_investors", "oc_clubs", "oc_pools", "oc_labels",
                    "oc_prospects")) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM crm_synchronisations").executeUpdate();
            em.createNativeQuery("DELETE FROM etlify_pending_syncs").executeUpdate();
            em.createNativeQuery("DELETE FROM etlify_sync_inbox").executeUpdate();
            em.createNativeQuery("DELETE FROM etlify_leases").executeUpdate();
            em.createNativeQuery("DELETE FROM etlify_crm_holds").executeUpdate();
            em.createNativeQuery("DELETE FROM etlify_claims").executeUpdate();
            em.createNativeQuery("DELETE FROM etlify_batch_runs").executeUpdate();
        });
        crms.resetAll();
    }

    public User user(String email, String firstName) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User user = new User();
            user.email = email;
            user.firstName = firstName;
            user.lastName = "Doe";
            user.persist();
            return user;
        });
    }

    /** A subscribed lead; {@code change} fills in the rest. */
    public Lead lead(String email, String name, java.util.function.Consumer<Lead> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Lead lead = new Lead();
            lead.email = email;
            lead.name = name;
            lead.status = "subscribed";
            change.accept(lead);
            lead.persist();
            return lead;
        });
    }

    public Company company(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Company company = new Company();
            company.name = name;
            company.persist();
            return company;
        });
    }

    public Investment invest(User user, String fund, String amount) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Investment investment = new Investment();
            investment.user = em.find(User.class, user.id);
            investment.fund = fund;
            investment.amount = new BigDecimal(amount);
            investment.persist();
            return investment;
        });
    }

    /** Applies a change to a user in its own transaction and returns the committed user. */
    public User update(User user, java.util.function.Consumer<User> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            User managed = em.find(User.class, user.id);
            change.accept(managed);
            em.flush();
            return managed;
        });
    }

    /** Users committed in one transaction, e-mails user-0@example.com and up. */
    public java.util.List<User> users(int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.List<User> users = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                User user = new User();
                user.email = "user-" + i + "@example.com";
                user.firstName = "User " + i;
                user.persist();
                users.add(user);
            }
            return users;
        });
    }

    public CrmSynchronisation syncRow(String crm, String type, Object id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CrmSynchronisation.findByResource(crm, type, String.valueOf(id)));
    }

    public long syncRows(String crm) {
        return QuarkusTransaction.requiringNew().call(() -> CrmSynchronisation.count("crmName", crm));
    }
}
