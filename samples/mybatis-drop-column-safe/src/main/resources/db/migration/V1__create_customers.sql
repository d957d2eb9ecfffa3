-- Customers, with their loyalty balance kept as a running total on the row.
-- expect: ddl customers.id @migration, ddl customers.email @migration, ddl customers.display_name @migration, ddl customers.loyalty_points @migration, ddl customers.created_at @migration
CREATE TABLE customers (
    id              bigserial PRIMARY KEY,
    email           text NOT NULL UNIQUE,
    display_name    text,
    loyalty_points  integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);
