SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- expect: finding column-change-vs-positional-sql ~ "Dropping orders.note breaks 1 positional INSERT into orders that name no columns; reached from 1 entry point: script scripts/seed_demo_orders.sql."
-- expect: finding contract-with-live-dependents ~ "Dropping orders.note leaves 1 database object depending on it: view order_notes."
-- expect: finding drop-column-still-written ~ "Dropping orders.note breaks 1 code site still writing it; reached from 1 entry point: script scripts/seed_demo_orders.sql."
ALTER TABLE orders DROP COLUMN note;
