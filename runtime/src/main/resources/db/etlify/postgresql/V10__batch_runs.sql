-- Etlify 0.3.0: batch syncs (scheduled, API, admin) and their progress, shared by every instance so that
-- any of them answers GET /q/etlify/runs/{id}. heartbeat_at moves each time progress is stored: an
-- unfinished run whose heartbeat is older than quarkus.etlify.admin.abandoned-after lost its instance.
CREATE TABLE etlify_batch_runs (
    id            VARCHAR(36)  PRIMARY KEY,
    trigger_kind  VARCHAR(16)  NOT NULL,
    crms          VARCHAR(1000),
    models        VARCHAR(2000),
    run_inline    BOOLEAN      NOT NULL,
    run_force     BOOLEAN      NOT NULL,
    instance      VARCHAR(128) NOT NULL,
    found         BIGINT       NOT NULL DEFAULT 0,
    processed     BIGINT       NOT NULL DEFAULT 0,
    synced        BIGINT       NOT NULL DEFAULT 0,
    not_modified  BIGINT       NOT NULL DEFAULT 0,
    skipped       BIGINT       NOT NULL DEFAULT 0,
    failed        BIGINT       NOT NULL DEFAULT 0,
    deferred      BIGINT       NOT NULL DEFAULT 0,
    started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP(6) WITH TIME ZONE,
    error         TEXT
);
CREATE INDEX idx_batch_runs_started ON etlify_batch_runs (started_at);
