package io.quarkiverse.etlify.it.airtable;

import java.util.HashMap;
import java.util.Map;

/** {@link AirtableProfile} with Quarkus' REST client logging switched on, as users do to debug the integration. */
public class RequestLoggingAirtableProfile extends AirtableProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("quarkus.rest-client.logging.scope", "all");
        config.put("quarkus.rest-client.logging.body-limit", "10000");
        config.put("quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG");
        return config;
    }
}
