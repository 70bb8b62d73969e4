-- Leads: a serializer and a guard that throw on incomplete records, and values HubSpot refuses.
CREATE SEQUENCE leads_SEQ START WITH 1 INCREMENT BY 50;

CREATE TABLE leads (
    id         BIGINT PRIMARY KEY,
    email      VARCHAR(255),
    name       VARCHAR(255),
    status     VARCHAR(255),
    interests  VARCHAR(255),
    notes      VARCHAR(100000),
    updated_at TIMESTAMP(6) WITH TIME ZONE
);
