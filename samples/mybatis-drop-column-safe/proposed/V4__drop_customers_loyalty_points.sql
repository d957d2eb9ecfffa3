-- Contract: the ledger is the balance now, so the running total goes.
-- expect: none
ALTER TABLE customers DROP COLUMN loyalty_points;
