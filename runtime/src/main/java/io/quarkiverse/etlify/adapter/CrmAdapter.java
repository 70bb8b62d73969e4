package io.quarkiverse.etlify.adapter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SPI through which Etlify talks to a CRM. Adapters are stateless; credentials come from
 * config. Every method may throw a {@link CrmException} subtype describing the failure.
 * <p>
 * Plug your own by declaring an {@code @ApplicationScoped} bean implementing this interface with
 * {@code @Identifier("my-crm")} and setting {@code quarkus.etlify.crm."name".adapter=my-crm}.
 */
public interface CrmAdapter {

    /**
     * Creates or updates a record.
     *
     * @param objectType CRM object type, e.g. {@code contacts}
     * @param payload properties to write
     * @param idProperty payload property identifying the record (may be {@code null})
     * @param crmId the CRM id known from a previous sync (may be {@code null}); when present the
     *        adapter updates that record, so a changed id property value updates the same record
     * @return the CRM id of the record
     */
    String upsert(String objectType, Map<String, Object> payload, String idProperty, String crmId);

    /**
     * Deletes a record.
     *
     * @throws CrmNotFoundException when the CRM does not know the record (callers treat it as deleted)
     */
    void delete(String objectType, String crmId);

    /**
     * Finds the record that an earlier create of this payload may have written although its answer was
     * lost ({@link CrmAmbiguousWriteException}), so that the next write updates it instead of creating
     * a second one. Called only before writing a record without CRM id whose last create was ambiguous.
     *
     * @return the CRM id of a record holding this payload, or empty (the default: the record is created
     *         again, which duplicates it if the lost create was applied)
     */
    default Optional<String> findCreated(String objectType, Map<String, Object> payload) {
        return Optional.empty();
    }

    /** Whether {@link #batchUpsert} is implemented; otherwise callers upsert record by record. */
    default boolean supportsBatchUpsert() {
        return false;
    }

    /**
     * Creates or updates several records. Inputs carry a caller-chosen key; the answer has one
     * outcome per key, so inputs without an id property value, duplicates and partial failures are
     * all representable. A failure of the whole call is thrown as a {@link CrmException}.
     */
    default Map<String, UpsertOutcome> batchUpsert(String objectType, String idProperty, List<BatchUpsertInput> inputs) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support batch upserts");
    }

    /** Whether {@link #batchDelete} is implemented. */
    default boolean supportsBatchDelete() {
        return false;
    }

    /**
     * Deletes several records; the answer maps each CRM id to {@code null} on success (not found
     * included) or to the error.
     */
    default Map<String, CrmException> batchDelete(String objectType, List<String> crmIds) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support batch deletes");
    }
}
