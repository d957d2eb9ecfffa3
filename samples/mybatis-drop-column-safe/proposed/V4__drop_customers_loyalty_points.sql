-- Contract: the ledger is the balance now, so the running total goes.
-- Fail fast instead of queueing every query on customers behind this DDL.
SET lock_timeout = '5s';
-- expect: none
ALTER TABLE customers DROP COLUMN loyalty_points;
