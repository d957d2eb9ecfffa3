-- Every order before multi-currency was in euros; small batches, safe to re-run.
-- expect: write orders.currency @migration, read orders.id @migration, read orders.currency @migration
UPDATE orders SET currency = 'EUR' WHERE id IN (SELECT id FROM orders WHERE currency IS NULL LIMIT 5000);
SET lock_timeout = '5s';
-- A CHECK proven NOT NULL lets SET NOT NULL skip its table scan (Postgres 12+).
-- expect: ddl orders.currency @migration
ALTER TABLE orders ADD CONSTRAINT orders_currency_present CHECK (currency IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_currency_present;
