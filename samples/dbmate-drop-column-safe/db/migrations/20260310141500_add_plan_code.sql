-- migrate:up
-- plan (free text: "Pro", "pro ", "PRO") is replaced by plan_code, a checked code.
-- expect: ddl accounts.plan_code @migration
ALTER TABLE accounts ADD COLUMN plan_code text;
-- expect: ddl accounts.plan_code @migration
ALTER TABLE accounts ADD CONSTRAINT accounts_plan_code_known
  CHECK (plan_code IN ('free', 'pro', 'team')) NOT VALID;

-- migrate:down
ALTER TABLE accounts DROP COLUMN plan_code;
