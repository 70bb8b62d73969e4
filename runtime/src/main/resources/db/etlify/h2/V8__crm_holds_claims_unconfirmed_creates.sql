-- Etlify 0.3.0: a CRM held by every instance, across restarts: paused until its daily limit resets, or
-- unauthorized since its credentials were refused (one request is tried again once held_until has passed).
CREATE TABLE etlify_crm_holds (
    crm_name    VARCHAR(64) PRIMARY KEY,
    hold_reason VARCHAR(32) NOT NULL,
    held_since  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    held_until  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    message     TEXT
);
-- When a create of the record was sent and its answer lost (5xx, timeout): the CRM may hold it already,
-- so its next sync looks for it before creating it again. Cleared by the next successful sync.
ALTER TABLE crm_synchronisations ADD COLUMN create_unconfirmed_at TIMESTAMP(6) WITH TIME ZONE;
-- Records whose CRM call is in flight, one holder each across instances and paths (inline, batch, queue),
-- so that two calls for one record never overtake each other. Kept apart from crm_synchronisations so
-- that claiming rewrites no sync row (their updates stay heap-only on their own page).
CREATE TABLE etlify_claims (
    crm_name      VARCHAR(64)  NOT NULL,
    resource_type VARCHAR(255) NOT NULL,
    resource_id   VARCHAR(255) NOT NULL,
    owner         VARCHAR(128) NOT NULL,
    claimed_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (crm_name, resource_type, resource_id)
);
