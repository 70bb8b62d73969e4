package io.quarkiverse.etlify.adapter;

import java.util.List;

/**
 * Creates one adapter per CRM for a built-in adapter kind ({@code null}, {@code hubspot},
 * {@code in-memory}...). Implemented as CDI beans; most users plug a {@link CrmAdapter} bean instead.
 */
public interface CrmAdapterFactory {

    /** The value of {@code quarkus.etlify.crm."name".adapter} this factory answers to. */
    String kind();

    /**
     * Adds a line to {@code problems} per invalid setting of a CRM of this kind, naming the property,
     * the value and what is allowed. Called once at start-up, before {@link #create(String)}.
     */
    default void check(String crmName, List<String> problems) {
    }

    /** Creates the adapter of the named CRM, whose settings passed {@link #check(String, List)}. */
    CrmAdapter create(String crmName);
}
