SET lock_timeout = '5s';
-- The application stopped reading legacy_tier two releases ago.
-- expect: finding drop-column-still-read ~ "Dropping users.legacy_tier breaks 3 code sites still reading it; reached from 3 entry points: cron CronJob tier-report (0 6 * * 1), dashboard Accounts / Users by tier, dashboard dbt model user_tiers."
ALTER TABLE users DROP COLUMN legacy_tier;
