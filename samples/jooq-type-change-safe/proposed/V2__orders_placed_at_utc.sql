-- Expand: an instant next to the wall-clock column. The next release writes both (placed_at_utc from
-- Instant.now()), a batched backfill converts old rows with AT TIME ZONE 'Europe/Berlin', reads switch,
-- and only then is placed_at dropped. No rewrite of orders, no code reading the old type breaks.
SET lock_timeout = '5s';
SET statement_timeout = '15min';
ALTER TABLE orders ADD COLUMN placed_at_utc timestamptz;
