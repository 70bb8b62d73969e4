package io.quarkiverse.etlify.demo;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.test.InMemoryCrm;
import io.quarkiverse.etlify.test.InMemoryCrms;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Seeds a few records, syncs them into the CRM and prints what happened. */
@QuarkusMain
public class DemoMain implements QuarkusApplication {

    @Inject
    Etlify etlify;

    @Inject
    InMemoryCrms crms;

    @Override
    public int run(String... args) {
        List<User> users = QuarkusTransaction.requiringNew().call(DemoMain::seed);
        var hubspot = etlify.crm("hubspot");

        say("0. Ada's company has no CRM id yet, so her sync waits for it (syncDependencies):");
        say("   %-28s -> %s", label(users.get(0)), hubspot.syncNow(users.get(0)));
        say("   %-28s -> %s", "Company Capsens", hubspot.syncNow(users.get(0).company));

        say("1. Sync of every user (the one without an e-mail is skipped by its guard):");
        users.forEach(user -> say("   %-28s -> %s", label(user), hubspot.syncNow(user)));

        say("2. Same data again: the digest matches, no CRM call:");
        users.forEach(user -> say("   %-28s -> %s", label(user), hubspot.syncNow(user)));

        User ada = users.get(0);
        QuarkusTransaction.requiringNew().run(() -> {
            User managed = User.findById(ada.id);
            managed.email = "ada.lovelace@capsens.eu";
        });
        say("3. Ada changes her e-mail: the same CRM contact is updated (its CRM id is known):");
        say("   %-28s -> %s", "Ada <ada.lovelace@capsens.eu>", hubspot.syncNow(User.class, ada.id));

        InMemoryCrm crm = crms.get("hubspot");
        say("4. What the CRM now holds (%d upsert calls in all):", crm.callCount("upsert"));
        crm.objects("companies").forEach((id, company) -> say("   company %s %s", id, company));
        crm.objects("contacts").forEach((id, contact) -> say("   contact %s %s", id, contact));

        say("5. Deleting Grace from the CRM: %s; once more: %s", hubspot.delete(users.get(1)), hubspot.delete(users.get(1)));
        return 0;
    }

    private static List<User> seed() {
        Company capsens = new Company();
        capsens.name = "Capsens";
        capsens.domain = "capsens.eu";
        capsens.persist();
        List<User> users = List.of(user("ada@capsens.eu", "Ada", "Lovelace", capsens),
                user("grace@capsens.eu", "Grace", "Hopper", capsens), user(null, "Anonymous", "Visitor", null));
        Investment investment = new Investment();
        investment.user = users.get(0);
        investment.amount = new BigDecimal("2500.00");
        investment.persist();
        users.get(0).investments.add(investment);
        return users;
    }

    private static User user(String email, String firstName, String lastName, Company company) {
        User user = new User();
        user.email = email;
        user.firstName = firstName;
        user.lastName = lastName;
        user.company = company;
        user.persist();
        return user;
    }

    private static String label(User user) {
        return user.firstName + " <" + user.email + ">";
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
