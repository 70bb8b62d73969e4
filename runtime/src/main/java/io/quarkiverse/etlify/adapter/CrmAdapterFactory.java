package io.quarkiverse.etlify.adapter;

/**
 * Creates one adapter per CRM for a built-in adapter kind ({@code null}, {@code hubspot},
 * {@code in-memory}...). Implemented as CDI beans; most users plug a {@link CrmAdapter} bean instead.
 */
public interface CrmAdapterFactory {

    /** The value of {@code quarkus.etlify.crm."name".adapter} this factory answers to. */
    String kind();

    /** Creates the adapter of the named CRM. */
    CrmAdapter create(String crmName);
}
