-- The application's own schema, managed by the application's own Flyway (history: flyway_schema_history).
CREATE SEQUENCE companies_SEQ START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE app_users_SEQ START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE investments_SEQ START WITH 1 INCREMENT BY 50;

CREATE TABLE companies (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(255),
    domain     VARCHAR(255),
    updatedAt  TIMESTAMP(6) WITH TIME ZONE
);

CREATE TABLE app_users (
    id         BIGINT PRIMARY KEY,
    kind       VARCHAR(31) NOT NULL,
    email      VARCHAR(255),
    first_name VARCHAR(255),
    last_name  VARCHAR(255),
    active     BOOLEAN NOT NULL,
    company_id BIGINT REFERENCES companies (id),
    team       VARCHAR(255),
    updated_at TIMESTAMP(6) WITH TIME ZONE
);

CREATE TABLE investments (
    id         BIGINT PRIMARY KEY,
    user_id    BIGINT REFERENCES app_users (id),
    fund       VARCHAR(255),
    amount     NUMERIC(38, 2),
    updated_at TIMESTAMP(6) WITH TIME ZONE
);

CREATE TABLE subscriptions (
    id         UUID PRIMARY KEY,
    plan       VARCHAR(255),
    user_id    BIGINT REFERENCES app_users (id),
    updated_at TIMESTAMP(6) WITH TIME ZONE
);
