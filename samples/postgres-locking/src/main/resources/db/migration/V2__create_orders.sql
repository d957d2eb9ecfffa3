CREATE TYPE order_status AS ENUM ('new', 'paid');

-- expect: ddl orders.id @migration, ddl orders.account_id @migration, ddl orders.status @migration, ddl orders.total_cents @migration, ddl orders.note @migration, ddl orders.created_at @migration
CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint NOT NULL,
    status       order_status NOT NULL DEFAULT 'new',
    total_cents  integer NOT NULL,
    note         text,
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- expect: ddl orders.account_id @migration
CREATE INDEX orders_account_idx ON orders (account_id);

-- Finance reads this every morning.
-- expect: read orders.created_at @migration, read orders.total_cents @migration
CREATE MATERIALIZED VIEW daily_sales AS
    SELECT created_at::date AS day, sum(total_cents) AS cents FROM orders GROUP BY 1;
