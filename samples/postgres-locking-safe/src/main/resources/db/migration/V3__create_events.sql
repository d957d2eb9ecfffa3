-- expect: ddl events.id @migration, ddl events.account_id @migration, ddl events.at @migration
CREATE TABLE events (
    id          bigint NOT NULL,
    account_id  bigint,
    at          timestamptz NOT NULL
) PARTITION BY RANGE (at);

-- expect: ddl events_2025.id @migration, ddl events_2025.account_id @migration, ddl events_2025.at @migration
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- Loaded by the importer, attached once complete.
-- expect: ddl events_2026.id @migration, ddl events_2026.account_id @migration, ddl events_2026.at @migration
CREATE TABLE events_2026 (id bigint NOT NULL, account_id bigint, at timestamptz NOT NULL);

-- expect: ddl carts.id @migration, ddl carts.account_id @migration
CREATE TABLE carts (id bigint PRIMARY KEY, account_id bigint);
