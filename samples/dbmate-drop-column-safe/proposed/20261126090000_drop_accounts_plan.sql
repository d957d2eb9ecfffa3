-- migrate:up
SET lock_timeout = '5s';
-- The contract step: the invoice run and the CSV export read plan_code now.
ALTER TABLE accounts DROP COLUMN plan;

-- migrate:down
ALTER TABLE accounts ADD COLUMN plan text;
