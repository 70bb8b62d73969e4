package io.quarkiverse.etlify.state;

/** Identifies one sync row: a record of one resource type in one CRM. */
public record SyncKey(String crmName, String resourceType, String resourceId) {
}
