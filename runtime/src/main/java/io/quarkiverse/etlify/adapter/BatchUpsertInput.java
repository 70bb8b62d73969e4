package io.quarkiverse.etlify.adapter;

import java.util.Map;

/**
 * One input of {@link CrmAdapter#batchUpsert}.
 *
 * @param key caller-chosen key the outcome is reported under (unique within one call)
 * @param payload properties to write
 * @param crmId the CRM id known from a previous sync, or {@code null}
 */
public record BatchUpsertInput(String key, Map<String, Object> payload, String crmId) {
}
