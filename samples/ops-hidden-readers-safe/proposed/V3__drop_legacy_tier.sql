SET lock_timeout = '5s';
-- Nothing reads legacy_tier any more: the report, the dashboard and the dbt model moved to plan.
ALTER TABLE users DROP COLUMN legacy_tier;
