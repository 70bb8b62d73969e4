package io.quarkiverse.etlify;

/**
 * A request to sync one record with one CRM.
 *
 * @param crmName the CRM name
 * @param entityType the mapped entity class
 * @param entityId the entity's id (as the entity holds it: Long, UUID...)
 * @param resourceType the value of {@code crm_synchronisations.resource_type}
 * @param resourceId the value of {@code crm_synchronisations.resource_id}
 */
public record SyncRequest(String crmName, Class<?> entityType, Object entityId, String resourceType, String resourceId) {
}
