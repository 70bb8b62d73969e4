-- Etlify 0.2.0: two lanes in the durable queue, so that a user's sync(entity) is not performed after a
-- batch sync's whole backlog. The lane of a pending request: 0 for sync(entity) and the other single
-- requests, 1 for the pages an async batch sync queues; NULL when no request is pending. Claims take
-- lane 0 first and leave a share of each claim to lane 1.
ALTER TABLE crm_synchronisations ADD COLUMN sync_lane SMALLINT;
-- Requests pending at upgrade keep their first-in, first-out turn: none waits longer than before.
UPDATE crm_synchronisations SET sync_lane = 0 WHERE sync_requested_at IS NOT NULL;
-- One index serves both lanes' claims, each lane in request order.
DROP INDEX idx_crm_sync_requests;
CREATE INDEX idx_crm_sync_requests ON crm_synchronisations (crm_name, sync_lane, sync_requested_at)
    WHERE sync_requested_at IS NOT NULL;
