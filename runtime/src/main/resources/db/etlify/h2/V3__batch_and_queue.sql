-- Etlify 0.2.0: batch sync and the durable async queue (H2 has no partial indexes).
-- Number of rows reached through to-many dependencies when the last payload was built: removing a
-- child does not move the newest update time, but it changes this count.
ALTER TABLE crm_synchronisations ADD COLUMN source_dependency_count BIGINT;
-- Durable async request: set in the caller's transaction by sync(entity), cleared once performed.
ALTER TABLE crm_synchronisations ADD COLUMN sync_requested_at TIMESTAMP(6) WITH TIME ZONE;
-- Worker lease on a request; an expired lease makes the request claimable again.
ALTER TABLE crm_synchronisations ADD COLUMN claimed_by VARCHAR(128);
ALTER TABLE crm_synchronisations ADD COLUMN claimed_until TIMESTAMP(6) WITH TIME ZONE;
-- Back-off of a failing request.
ALTER TABLE crm_synchronisations ADD COLUMN next_attempt_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX idx_crm_sync_requests ON crm_synchronisations (crm_name, sync_requested_at);

-- Leases held across instances, e.g. one batch sync per CRM at a time.
CREATE TABLE etlify_leases (
    name        VARCHAR(128) PRIMARY KEY,
    owner       VARCHAR(128) NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
