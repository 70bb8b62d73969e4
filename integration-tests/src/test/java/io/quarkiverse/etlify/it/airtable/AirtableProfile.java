package io.quarkiverse.etlify.it.airtable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.etlify.test.AirtableSandboxResource;
import io.quarkiverse.etlify.test.HubSpotSandboxResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * CRM {@code mirror} (where {@code User} is mapped besides {@code hubspot}) on the Airtable adapter against an
 * Airtable sandbox with Airtable's limits and declared tables, CRM {@code hubspot} on the HubSpot adapter against
 * a HubSpot sandbox; plus more Airtable CRMs on the same sandbox: {@code burst} (a configured limit above
 * Airtable's, to meet its 429), {@code typecast} ({@code typecast=true}) and {@code wrongtoken} (a token the
 * sandbox refuses).
 */
public class AirtableProfile implements QuarkusTestProfile {

    static final String TOKEN = "patAirtableTest01.0123456789abcdef0123456789abcdef";
    static final String WRONG_TOKEN = "patWrongToken0001.fedcba9876543210fedcba9876543210";
    static final String HUBSPOT_TOKEN = "pat-na1-airtable-profile-0001";
    static final String BASE_ID = "appEtlifyTests001";
    /** The field id of {@code Leads.email}, to upsert on a field id. */
    static final String LEAD_EMAIL = "fldLeadEmail00001";
    static final String BASE_URL = "${quarkus.etlify.crm.mirror.airtable.base-url}";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.etlify.crm.mirror.adapter", "airtable");
        fastRetries(config, "mirror");
        config.put("quarkus.etlify.crm.mirror.airtable.read-timeout", "1500ms");
        for (String crm : List.of("burst", "typecast", "wrongtoken")) {
            config.put("quarkus.etlify.crm." + crm + ".adapter", "airtable");
            config.put("quarkus.etlify.crm." + crm + ".airtable.base-url", BASE_URL);
            config.put("quarkus.etlify.crm." + crm + ".airtable.base-id", BASE_ID);
            config.put("quarkus.etlify.crm." + crm + ".airtable.access-token", TOKEN);
            fastRetries(config, crm);
        }
        // above Airtable's 5 per second: the sandbox answers 429 and the guard waits its 30 s penalty
        config.put("quarkus.etlify.crm.burst.rate-limit.max-requests", "100");
        config.put("quarkus.etlify.crm.burst.rate-limit.period", "1s");
        config.put("quarkus.etlify.crm.typecast.airtable.typecast", "true");
        config.put("quarkus.etlify.crm.wrongtoken.airtable.access-token", WRONG_TOKEN);
        config.put("quarkus.etlify.crm.hubspot.adapter", "hubspot");
        fastRetries(config, "hubspot");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AirtableSandboxResource.class, Map.of("crms", "mirror",
                "access-token", TOKEN, "base-id", BASE_ID,
                "table.people", "email:email, firstname, lastname, company, investment_count:number",
                "table.Leads", LEAD_EMAIL + "/email:email, name, score:number, vip:checkbox, born:date,"
                        + " seen_at:dateTime, plan:singleSelect(free|gold), tags:multipleSelects(math|poetry),"
                        + " company:multipleRecordLinks",
                "table.Companies", "name")),
                new TestResourceEntry(HubSpotSandboxResource.class, Map.of("crms", "hubspot",
                        "access-token", HUBSPOT_TOKEN)));
    }

    private static void fastRetries(Map<String, String> config, String crm) {
        config.put("quarkus.etlify.crm." + crm + ".retry.max-retries", "3");
        config.put("quarkus.etlify.crm." + crm + ".retry.delay", "20ms");
        config.put("quarkus.etlify.crm." + crm + ".retry.max-delay", "200ms");
        config.put("quarkus.etlify.crm." + crm + ".retry.jitter", "10ms");
        config.put("quarkus.etlify.crm." + crm + ".circuit-breaker.enabled", "true");
    }
}
