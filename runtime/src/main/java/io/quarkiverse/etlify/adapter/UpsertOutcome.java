package io.quarkiverse.etlify.adapter;

/**
 * Outcome of one input of a batch upsert: the CRM id on success, the error otherwise.
 *
 * @param crmId CRM id of the record, {@code null} on failure
 * @param error why this input failed, {@code null} on success
 */
public record UpsertOutcome(String crmId, CrmException error) {

    public static UpsertOutcome success(String crmId) {
        return new UpsertOutcome(crmId, null);
    }

    public static UpsertOutcome failure(CrmException error) {
        return new UpsertOutcome(null, error);
    }

    public boolean isSuccess() {
        return error == null;
    }
}
