package io.quarkiverse.etlify.runtime.hubspot;

import static io.quarkiverse.etlify.runtime.config.ConfigChecks.positive;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmAdapterFactory;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.http.BaseUrls;
import io.quarkiverse.etlify.runtime.http.BearerToken;
import io.quarkiverse.etlify.runtime.http.ClientLogging;
import io.quarkiverse.etlify.runtime.http.MaskingClientLogger;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The {@code hubspot} adapter kind: one REST client per CRM, built from
 * {@code quarkus.etlify.crm."name".hubspot.*} (base URL, access token, timeouts), its requests run
 * through the CRM's guard. Checks at start-up that the token is set (unless the CRM is disabled)
 * and that every mapping's id property is one HubSpot can upsert by. The client logs as
 * {@code quarkus.rest-client.logging.*} asks, with the token masked ({@link MaskingClientLogger}).
 */
@ApplicationScoped
class HubSpotAdapterFactory implements CrmAdapterFactory {

    /** The value of {@code quarkus.etlify.crm."name".adapter} selecting this adapter. */
    public static final String KIND = "hubspot";

    private final EtlifyRuntimeConfig config;
    private final CrmGuards guards;
    private final MappingRegistry mappings;
    private final ObjectMapper json;
    private final Optional<String> restClientLoggingScope;
    private final List<Object> clients = new CopyOnWriteArrayList<>();

    @Inject
    public HubSpotAdapterFactory(EtlifyRuntimeConfig config, CrmGuards guards, MappingRegistry mappings,
            ObjectMapper json, @ConfigProperty(name = "quarkus.rest-client.logging.scope") Optional<String> loggingScope) {
        this.config = config;
        this.restClientLoggingScope = loggingScope;
        this.guards = guards;
        this.mappings = mappings;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Adds a line per invalid HubSpot setting of the CRM: token, base URL, timeouts, id properties, time zone. */
    @Override
    public void check(String crmName, List<String> problems) {
        EtlifyRuntimeConfig.CrmRuntimeConfig crm = config.crm().get(crmName);
        EtlifyRuntimeConfig.HubSpot hubspot = crm.hubspot();
        String prefix = "quarkus.etlify.crm." + crmName + ".hubspot.";
        if (token(hubspot).isEmpty()) {
            problems.add(prefix + "access-token must be set to the private app's access token of CRM " + crmName);
        }
        if (BaseUrls.parse(hubspot.baseUrl()) == null) {
            problems.add(prefix + "base-url must be an http(s) URL such as https://api.hubapi.com, got "
                    + hubspot.baseUrl());
        }
        positive(prefix + "connect-timeout", hubspot.connectTimeout(), problems);
        positive(prefix + "read-timeout", hubspot.readTimeout(), problems);
        for (Map.Entry<String, List<String>> declared : hubspot.uniqueProperties().entrySet()) {
            if (declared.getValue().stream().anyMatch(String::isBlank)) {
                problems.add(prefix + "unique-properties." + declared.getKey() + " lists a blank property name");
            }
        }
        problems.addAll(new UniqueIdProperties(hubspot.uniqueProperties()).problems(crmName, mappings.all()));
        try {
            ZoneId.of(hubspot.accountTimeZone());
        } catch (DateTimeException e) {
            problems.add(prefix + "account-time-zone must be a time zone ID such as UTC or America/New_York, got "
                    + hubspot.accountTimeZone());
        }
    }

    @Override
    public CrmAdapter create(String crmName) {
        EtlifyRuntimeConfig.HubSpot hubspot = config.crm().get(crmName).hubspot();
        String token = token(hubspot);
        URI baseUri = BaseUrls.parse(hubspot.baseUrl());
        HubSpotObjectsClient client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(hubspot.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(hubspot.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // error answers are read and mapped by the adapter, with their rate-limit headers
                .disableDefaultMapper(true)
                .register(new BearerToken(token))
                .loggingScope(ClientLogging.scope(restClientLoggingScope, "The HubSpot client of CRM " + crmName))
                .clientLogger(new MaskingClientLogger(token))
                .build(HubSpotObjectsClient.class);
        clients.add(client);
        HubSpotErrorMapper errors = new HubSpotErrorMapper(json, token, ZoneId.of(hubspot.accountTimeZone()));
        return new HubSpotAdapter(crmName, client, new HubSpotRequests(guards.forCrm(crmName), errors, json));
    }

    @PreDestroy
    void closeClients() {
        for (Object client : clients) {
            if (client instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException e) {
                    // shutting down anyway
                }
            }
        }
    }

    private static String token(EtlifyRuntimeConfig.HubSpot hubspot) {
        return hubspot.accessToken().map(String::trim).orElse("");
    }
}
