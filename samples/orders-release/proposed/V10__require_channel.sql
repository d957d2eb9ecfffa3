SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- Every order must say where it came from.
-- expect: finding not-null-vs-writers ~ "Making orders.channel NOT NULL breaks 1 writer inserting rows without it; reached from 1 entry point: http POST /checkout."
-- expect: finding set-not-null-scans-table ~ "SET NOT NULL on orders.channel scans all of orders under an ACCESS EXCLUSIVE lock, blocking its reads and writes until every row is checked; a validated CHECK (channel IS NOT NULL) constraint added beforehand would let Postgres 12+ skip it."
ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
