SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- Validating takes only a SHARE UPDATE EXCLUSIVE lock; with the validated check in place Postgres 12+
-- skips the scan of SET NOT NULL, and the check is redundant afterwards.
ALTER TABLE orders VALIDATE CONSTRAINT orders_channel_not_null;
ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_channel_not_null;
