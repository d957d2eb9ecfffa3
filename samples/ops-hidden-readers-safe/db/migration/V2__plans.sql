-- legacy_tier ("gold", "Gold ", "GOLD") is replaced by plan, filled by the application since release 7.
-- expect: ddl users.plan @migration
ALTER TABLE users ADD COLUMN plan text;
