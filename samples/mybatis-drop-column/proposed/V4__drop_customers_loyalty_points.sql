-- Contract: the ledger is the balance now, so the running total goes.
-- Fail fast instead of queueing every query on customers behind this DDL.
SET lock_timeout = '5s';
-- expect: finding drop-column-still-read ~ "Dropping customers.loyalty_points breaks 3 code sites", finding drop-column-still-written ~ "customers.loyalty_points"
ALTER TABLE customers DROP COLUMN loyalty_points;
