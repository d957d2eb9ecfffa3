-- Backfill: one opening entry per customer with a balance.
-- expect: write loyalty_ledger.customer_id @migration, write loyalty_ledger.points @migration, write loyalty_ledger.reason @migration, read customers.id @migration, read customers.loyalty_points @migration
INSERT INTO loyalty_ledger (customer_id, points, reason)
SELECT id, loyalty_points, 'opening balance'
  FROM customers
 WHERE loyalty_points <> 0;
