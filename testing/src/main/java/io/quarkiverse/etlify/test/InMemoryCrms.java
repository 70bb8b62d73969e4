package io.quarkiverse.etlify.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.adapter.CrmAdapter;
import io.quarkiverse.etlify.adapter.CrmAdapterFactory;
import io.quarkus.arc.Unremovable;

/**
 * The {@code in-memory} adapter kind: one {@link InMemoryCrm} per CRM name. Inject this bean in
 * tests to look at what was sent: {@code @Inject InMemoryCrms crms; crms.get("hubspot").objects("contacts")}.
 */
@ApplicationScoped
@Unremovable
public class InMemoryCrms implements CrmAdapterFactory {

    public static final String KIND = "in-memory";

    private final Map<String, InMemoryCrm> crms = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CrmAdapter create(String crmName) {
        return get(crmName);
    }

    /** The in-memory CRM of that name (created on first use). */
    public InMemoryCrm get(String crmName) {
        return crms.computeIfAbsent(crmName, name -> new InMemoryCrm());
    }

    /** Forgets every record, call and scripted failure of every CRM. */
    public void resetAll() {
        crms.values().forEach(InMemoryCrm::reset);
    }
}
