-- An operator's clean-up script, turned into a migration. VACUUM makes Flyway run it without a transaction.

-- expect: finding vacuum-full ~ "VACUUM FULL rewrites orders", finding missing-lock-timeout ~ "on orders", finding missing-statement-timeout ~ "rewrites orders"
VACUUM FULL orders;
-- expect: finding cluster-table ~ "orders"
CLUSTER orders USING orders_account_idx;
-- expect: finding reindex-non-concurrently ~ "REINDEX table orders"
REINDEX TABLE orders;
-- expect: finding refresh-materialized-view-non-concurrently ~ "daily_sales"
REFRESH MATERIALIZED VIEW daily_sales;
-- expect: finding set-tablespace ~ "events"
ALTER TABLE events SET TABLESPACE fast_ssd;
-- expect: finding set-logged-or-unlogged ~ "SET UNLOGGED rewrites carts"
ALTER TABLE carts SET UNLOGGED;

-- expect: finding detach-partition-non-concurrently ~ "Postgres 13 has no DETACH PARTITION … CONCURRENTLY"
ALTER TABLE events DETACH PARTITION events_2025;
-- expect: finding rename-table ~ "Renaming events_2025 to events_archive_2025"
ALTER TABLE events_2025 RENAME TO events_archive_2025;
-- expect: finding concurrently-unsupported-version ~ "needs Postgres 14 or later, and the target is Postgres 13"
ALTER TABLE events DETACH PARTITION events_2026 CONCURRENTLY;

-- expect: finding drop-index-non-concurrently ~ "orders_account_idx"
DROP INDEX orders_account_idx;
BEGIN;
-- expect: finding concurrently-in-transaction ~ "the BEGIN on line 25 opened one"
CREATE INDEX CONCURRENTLY orders_account_idx ON orders (account_id);
COMMIT;
-- expect: finding transaction-nesting ~ "no transaction is open"
COMMIT;

-- expect: finding uncommitted-transaction ~ "never committed"
BEGIN;
-- expect: finding lock-table ~ "ACCESS EXCLUSIVE on accounts"
LOCK TABLE accounts;
-- expect: finding truncate-table ~ "carts"
TRUNCATE carts;
-- expect: finding truncate-cascade ~ "accounts"
TRUNCATE accounts CASCADE;
-- expect: finding drop-table ~ "Dropping carts"
DROP TABLE carts;
-- expect: finding drop-database ~ "parcel_staging"
DROP DATABASE IF EXISTS parcel_staging;
