-- Etlify 0.3.0: the permits of a CRM's rate-limit window live in its row of etlify_rate_limits, so that one
-- statement locks the row, reads the permits as the last holder of the lock left them, and writes them back.
-- permit_ids[i] counts from permits_counted_from[i] (its grant, then the end of its request once recorded);
-- next_permit numbers the next grant. etlify_rate_limit_permits is no longer written (instances of earlier
-- versions still use it during a rolling upgrade) and will be dropped by a later migration.
ALTER TABLE etlify_rate_limits ADD COLUMN next_permit BIGINT NOT NULL DEFAULT 1;
ALTER TABLE etlify_rate_limits ADD COLUMN permit_ids BIGINT ARRAY NOT NULL DEFAULT ARRAY[];
ALTER TABLE etlify_rate_limits ADD COLUMN permits_counted_from TIMESTAMP(6) WITH TIME ZONE ARRAY NOT NULL DEFAULT ARRAY[];
