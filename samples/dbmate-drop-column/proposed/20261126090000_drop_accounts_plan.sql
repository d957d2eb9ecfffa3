-- migrate:up
SET lock_timeout = '5s';
-- The contract step: every reader was switched to plan_code. Or was it?
-- expect: finding drop-column-still-read ~ "Dropping accounts.plan breaks 2 code sites still reading it; reached from 2 entry points: script app/invoices.py, script scripts/export_plans.sh."
ALTER TABLE accounts DROP COLUMN plan;

-- migrate:down
ALTER TABLE accounts ADD COLUMN plan text;
