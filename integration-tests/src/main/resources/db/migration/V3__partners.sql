-- Sync-dependency scenarios: a self-referencing Partner (cycles) and an unmapped Agency with a legacy CRM id column.
CREATE SEQUENCE agencies_SEQ START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE partners_SEQ START WITH 1 INCREMENT BY 50;

CREATE TABLE agencies (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(255),
    hubspot_id VARCHAR(255)
);

CREATE TABLE partners (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(255),
    sponsor_id BIGINT REFERENCES partners (id),
    agency_id  BIGINT REFERENCES agencies (id),
    updated_at TIMESTAMP(6) WITH TIME ZONE
);
