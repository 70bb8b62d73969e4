-- Etlify 0.2.0: (crm_name) is a prefix of the unique (crm_name, resource_type, resource_id) index, and
-- nothing looks sync rows up by crm_id. Both only cost writes, and with stale statistics PostgreSQL's
-- generic plan for the batch look-up by resource ids picked (crm_name, crm_id) and scanned the CRM's rows.
DROP INDEX IF EXISTS idx_crm_sync_on_crm_name;
DROP INDEX IF EXISTS idx_crm_sync_on_crm_id;
