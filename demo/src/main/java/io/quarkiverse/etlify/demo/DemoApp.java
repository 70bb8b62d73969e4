package io.quarkiverse.etlify.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.etlify.Etlify;
import io.quarkiverse.etlify.RecordSyncState;
import io.quarkiverse.etlify.hubspot.sandbox.CrmObject;
import io.quarkiverse.etlify.hubspot.sandbox.EndpointKind;
import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Seeds a few records, syncs them into the CRM and prints what happened (started by {@link DemoMain}); then keeps
 * serving the admin console, printing its URL and credentials, until stopped.
 */
public class DemoApp implements QuarkusApplication {

    @Inject
    Etlify etlify;

    @Inject
    ConsoleUser consoleUser;

    @Override
    public int run(String... args) {
        List<User> users = QuarkusTransaction.requiringNew().call(DemoApp::seed);
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

        HubSpotSandbox sandbox = DemoMain.sandbox;
        if (sandbox != null) {
            say("4. What the local HubSpot sandbox now holds (%d requests: %s; contract violations: %d):",
                    sandbox.totalRequests(), requestCounts(sandbox), sandbox.contractViolations().size());
            for (String type : List.of("companies", "contacts")) {
                sandbox.objects(type).forEach(object -> say("   %s %s %s", type, object.id(), ownProperties(object)));
            }
        } else {
            say("4. The CRM ids HubSpot gave, as Etlify recorded them (see them in your HubSpot account):");
            say("   %-28s -> %s", "Company Capsens", hubspot.syncState(ada.company).map(RecordSyncState::crmId)
                    .orElse("not in the CRM"));
            users.forEach(user -> say("   %-28s -> %s", label(user), hubspot.syncState(user)
                    .map(state -> state.crmId() == null ? "not in the CRM" : state.crmId()).orElse("never synced")));
        }

        say("5. Deleting Grace from the CRM: %s; once more: %s", hubspot.delete(users.get(1)), hubspot.delete(users.get(1)));

        say("6. The admin console (CRMs, status, runs, failures, resync, dry run): %s", consoleUrl());
        say("   sign in as user %s, password %s (role %s; drawn at each start)", consoleUser.name(),
                consoleUser.password(), consoleUser.role());
        say("   Press Enter or Ctrl-C to stop the demo.");
        stopOnEnter();
        Quarkus.waitForExit();
        return 0;
    }

    /** The console's URL on the port the HTTP server got (Quarkus records it when the port is 0, i.e. free). */
    private static String consoleUrl() {
        Config config = ConfigProvider.getConfig();
        String port = System.getProperty("quarkus.http.port",
                config.getOptionalValue("quarkus.http.port", String.class).orElse("8080"));
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("localhost");
        return "http://" + host + ":" + port + "/q/etlify/console";
    }

    /** Enter stops the demo; without a terminal (standard input at its end) it runs until stopped. */
    private static void stopOnEnter() {
        Thread reader = new Thread(() -> {
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                if (in.readLine() != null) {
                    Quarkus.asyncExit(0);
                }
            } catch (IOException e) {
                // no readable terminal: Ctrl-C or a signal stops the demo
            }
        }, "demo-stop-on-enter");
        reader.setDaemon(true);
        reader.start();
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

    /** Requests by endpoint, those made only, in the order of {@link EndpointKind}. */
    private static String requestCounts(HubSpotSandbox sandbox) {
        return new EnumMap<>(sandbox.requestCounts()).entrySet().stream().filter(count -> count.getValue() > 0)
                .map(count -> count.getKey() + "=" + count.getValue()).collect(Collectors.joining(", "));
    }

    /** The properties the serializers sent, without those HubSpot maintains. */
    private static Map<String, String> ownProperties(CrmObject object) {
        Map<String, String> own = new TreeMap<>(object.properties());
        own.keySet().removeIf(name -> name.startsWith("hs_") || name.equals("createdate") || name.equals("lastmodifieddate"));
        return own;
    }

    private static String label(User user) {
        return user.firstName + " <" + user.email + ">";
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
