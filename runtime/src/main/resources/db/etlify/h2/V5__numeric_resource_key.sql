-- Etlify 0.2.0: resource_id as a number when it is an integer id in canonical form, kept by the database.
-- The stale finder joins sync rows to integer ids on it, in windows of consecutive ids: one index range
-- per window, where the text of consecutive ids ('99', '100', ...) is not one range of resource_id.
-- Nothing reads sync rows by last_synced_at, and its index made every sync-row update write every index:
-- without it, an update that changes no indexed column (a sync, unless it queues or dequeues) is a
-- heap-only tuple update.
DROP INDEX IF EXISTS idx_crm_sync_on_last_synced_at;
ALTER TABLE crm_synchronisations ADD COLUMN resource_number BIGINT GENERATED ALWAYS AS (
    CASE WHEN REGEXP_LIKE(resource_id, '^(0|-?[1-9][0-9]{0,18})$') THEN
        CASE WHEN CAST(resource_id AS NUMERIC(19)) BETWEEN -9223372036854775808 AND 9223372036854775807
            THEN CAST(resource_id AS BIGINT) END
    END);
CREATE INDEX idx_crm_sync_on_resource_number ON crm_synchronisations (crm_name, resource_type, resource_number);
