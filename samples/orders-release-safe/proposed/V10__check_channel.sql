SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- Every order must say where it came from. Checkout and the seed script already write it, and the
-- previous release backfilled old rows. The NOT VALID check is instant and checks new rows only.
ALTER TABLE orders ADD CONSTRAINT orders_channel_not_null CHECK (channel IS NOT NULL) NOT VALID;
