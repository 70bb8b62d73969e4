package io.quarkiverse.etlify.runtime.airtable;

import static io.quarkiverse.etlify.runtime.config.ConfigChecks.positive;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
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
import io.quarkiverse.etlify.runtime.mapping.Mapping;
import io.quarkiverse.etlify.runtime.mapping.MappingRegistry;
import io.quarkiverse.etlify.runtime.throttle.CrmGuards;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The {@code airtable} adapter kind: one REST client per CRM, built from
 * {@code quarkus.etlify.crm."name".airtable.*} (access token, base id, base URL, typecast, timeouts), its
 * requests run through the CRM's guard. Checks at start-up that the token and base id are set (unless the CRM
 * is disabled), and that the table and field ids the CRM's mappings name are well-formed. The client logs as
 * {@code quarkus.rest-client.logging.*} asks, with the token masked.
 */
@ApplicationScoped
class AirtableAdapterFactory implements CrmAdapterFactory {

    /** The value of {@code quarkus.etlify.crm."name".adapter} selecting this adapter. */
    public static final String KIND = "airtable";

    private final EtlifyRuntimeConfig config;
    private final CrmGuards guards;
    private final MappingRegistry mappings;
    private final ObjectMapper json;
    private final Optional<String> restClientLoggingScope;
    private final List<Object> clients = new CopyOnWriteArrayList<>();

    @Inject
    public AirtableAdapterFactory(EtlifyRuntimeConfig config, CrmGuards guards, MappingRegistry mappings,
            ObjectMapper json, @ConfigProperty(name = "quarkus.rest-client.logging.scope") Optional<String> loggingScope) {
        this.config = config;
        this.guards = guards;
        this.mappings = mappings;
        this.json = json;
        this.restClientLoggingScope = loggingScope;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Adds a line per invalid Airtable setting of the CRM: token, base id, base URL, timeouts, table and field ids. */
    @Override
    public void check(String crmName, List<String> problems) {
        EtlifyRuntimeConfig.Airtable airtable = config.crm().get(crmName).airtable();
        String prefix = "quarkus.etlify.crm." + crmName + ".airtable.";
        if (token(airtable).isEmpty()) {
            problems.add(prefix + "access-token must be set to a personal access token of CRM " + crmName
                    + " with the data.records:write scope on its base");
        }
        String baseId = airtable.baseId().map(String::trim).orElse("");
        if (!AirtableIds.is(AirtableIds.BASE, baseId)) {
            problems.add(prefix + "base-id must be the id of the CRM's base: app followed by 14 letters or digits, as in"
                    + " https://airtable.com/appXXXXXXXXXXXXXX/..., got " + (baseId.isEmpty() ? "nothing" : baseId));
        }
        if (BaseUrls.parse(airtable.baseUrl()) == null) {
            problems.add(prefix + "base-url must be an http(s) URL such as https://api.airtable.com, got "
                    + airtable.baseUrl());
        }
        positive(prefix + "connect-timeout", airtable.connectTimeout(), problems);
        positive(prefix + "read-timeout", airtable.readTimeout(), problems);
        for (Mapping mapping : mappings.all()) {
            if (mapping.crm().equals(crmName)) {
                checkIds(crmName, mapping, problems);
            }
        }
    }

    // a table or field given by id must be one: a typo would only show as Airtable refusing every request
    private static void checkIds(String crmName, Mapping mapping, List<String> problems) {
        String where = mapping.entityType().getName() + " is mapped to Airtable CRM " + crmName;
        if (AirtableIds.looksLike(AirtableIds.TABLE, mapping.objectType())
                && !AirtableIds.is(AirtableIds.TABLE, mapping.objectType())) {
            problems.add(where + " with objectType \"" + mapping.objectType() + "\", which is no table id (tbl followed"
                    + " by 14 letters or digits): use the table's id from its URL, or its name");
        }
        if (AirtableIds.looksLike(AirtableIds.FIELD, mapping.idProperty())
                && !AirtableIds.is(AirtableIds.FIELD, mapping.idProperty())) {
            problems.add(where + " with idProperty \"" + mapping.idProperty() + "\", which is no field id (fld followed"
                    + " by 14 letters or digits): use the field's id or its name");
        }
    }

    @Override
    public CrmAdapter create(String crmName) {
        EtlifyRuntimeConfig.Airtable airtable = config.crm().get(crmName).airtable();
        String token = token(airtable);
        AirtableRecordsClient client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(BaseUrls.parse(airtable.baseUrl()))
                .connectTimeout(airtable.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(airtable.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // error answers are read and mapped by the adapter
                .disableDefaultMapper(true)
                .register(new BearerToken(token))
                .loggingScope(ClientLogging.scope(restClientLoggingScope, "The Airtable client of CRM " + crmName))
                .clientLogger(new MaskingClientLogger(token))
                .build(AirtableRecordsClient.class);
        clients.add(client);
        AirtableRequests requests = new AirtableRequests(guards.forCrm(crmName), new AirtableErrorMapper(json, token),
                json);
        return new AirtableAdapter(crmName, airtable.baseId().orElseThrow().trim(), client, requests, airtable.typecast());
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

    private static String token(EtlifyRuntimeConfig.Airtable airtable) {
        return airtable.accessToken().map(String::trim).orElse("");
    }
}
