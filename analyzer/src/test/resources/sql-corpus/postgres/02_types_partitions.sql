-- Release 2: proper types for statuses, and an events table that grows by ~40M rows a month.

CREATE TYPE task_status AS ENUM ('open', 'in_progress', 'blocked', 'done');
CREATE TYPE invoice_status AS ENUM ('draft', 'open', 'paid', 'void', 'uncollectible');
ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'in_review' BEFORE 'done';
ALTER TYPE task_status ADD VALUE 'archived' AFTER 'done';
ALTER TYPE invoice_status RENAME VALUE 'uncollectible' TO 'written_off';

CREATE DOMAIN email_address AS citext
    CHECK (VALUE ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');
CREATE DOMAIN positive_cents AS bigint CHECK (VALUE >= 0) NOT NULL;

CREATE TYPE money_amount AS (
    currency char(3),
    cents    bigint
);

-- The switch from text to the enum needs the default dropped first.
ALTER TABLE tasks ALTER COLUMN status DROP DEFAULT;
ALTER TABLE tasks
    ALTER COLUMN status TYPE task_status USING status::task_status,
    ALTER COLUMN status SET DEFAULT 'open';

ALTER TABLE billing.invoices ALTER COLUMN status DROP DEFAULT;
ALTER TABLE billing.invoices ALTER COLUMN status SET DATA TYPE invoice_status USING status::invoice_status;
ALTER TABLE billing.invoices ALTER COLUMN status SET DEFAULT 'draft'::invoice_status;

CREATE TABLE events (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    organization_id bigint NOT NULL,
    occurred_at     timestamptz NOT NULL,
    kind            text NOT NULL,
    subject_id      bigint,
    payload         jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE TABLE events_2024_01 PARTITION OF events
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE events_2024_02 PARTITION OF events
    FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE events_2024_03 PARTITION OF events
    FOR VALUES FROM ('2024-03-01') TO ('2024-04-01')
    WITH (autovacuum_vacuum_scale_factor = 0.02);
CREATE TABLE events_default PARTITION OF events DEFAULT;

CREATE INDEX events_org_occurred_idx ON events (organization_id, occurred_at DESC);
CREATE INDEX events_payload_gin ON ONLY events USING gin (payload);
CREATE INDEX CONCURRENTLY events_2024_01_payload_gin ON events_2024_01 USING gin (payload);
ALTER INDEX events_payload_gin ATTACH PARTITION events_2024_01_payload_gin;

-- Next month's partition is created ahead of time and attached without a long lock.
CREATE TABLE events_2024_04 (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE events_2024_04 ADD CONSTRAINT events_2024_04_range
    CHECK (occurred_at >= '2024-04-01' AND occurred_at < '2024-05-01');
ALTER TABLE events ATTACH PARTITION events_2024_04 FOR VALUES FROM ('2024-04-01') TO ('2024-05-01');
ALTER TABLE events_2024_04 DROP CONSTRAINT events_2024_04_range;
ALTER TABLE events DETACH PARTITION events_2024_01 CONCURRENTLY;
DROP TABLE IF EXISTS events_2024_01;

CREATE TABLE notifications (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    user_id    uuid NOT NULL,
    channel    text NOT NULL,
    body       jsonb NOT NULL,
    read_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, channel)
) PARTITION BY LIST (channel);

CREATE TABLE notifications_email PARTITION OF notifications FOR VALUES IN ('email');
CREATE TABLE notifications_push PARTITION OF notifications FOR VALUES IN ('push', 'push_ios', 'push_android');
CREATE TABLE notifications_other PARTITION OF notifications DEFAULT;

CREATE TABLE sessions (
    id         uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL,
    data       bytea,
    expires_at timestamptz NOT NULL
) PARTITION BY HASH (id);

CREATE TABLE sessions_p0 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE sessions_p1 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE sessions_p2 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE sessions_p3 PARTITION OF sessions FOR VALUES WITH (MODULUS 4, REMAINDER 3);

CREATE SEQUENCE IF NOT EXISTS invoice_number_seq START WITH 1000 INCREMENT BY 1 CACHE 20;
ALTER SEQUENCE invoice_number_seq OWNED BY billing.invoices.number;
ALTER TABLE billing.invoices ALTER COLUMN number SET DEFAULT 'INV-' || nextval('invoice_number_seq');

ALTER TABLE users ADD COLUMN contact_email email_address;
ALTER TABLE billing.customers ADD COLUMN credit positive_cents DEFAULT 0;
