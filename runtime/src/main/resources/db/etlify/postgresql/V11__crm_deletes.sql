-- Etlify 0.3.0: @Etlified(onDelete = DELETE). A record deleted through Hibernate queues the delete of its CRM record
-- on its sync row, which keeps the CRM id: the pending request (sync_requested_at) is a delete while
-- delete_requested_at is set. The queue's workers delete the CRM record, then the row. NULL on every existing row.
ALTER TABLE crm_synchronisations ADD COLUMN delete_requested_at TIMESTAMP(6) WITH TIME ZONE;
