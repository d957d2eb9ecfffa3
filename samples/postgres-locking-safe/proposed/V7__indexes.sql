-- Concurrent index builds: Flyway runs this file without a transaction, as they require.

-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
-- expect: none
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_key ON accounts (email);
-- expect: none
REINDEX INDEX CONCURRENTLY orders_account_idx;
-- expect: none
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales;
