-- placed_at was stored as wall-clock time in the server's zone; make it an instant.
SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- expect: finding change-column-type-rewrites-table ~ "Changing orders.placed_at from timestamp to timestamptz rewrites orders"
-- expect: finding type-change-vs-accesses ~ "Changing orders.placed_at from timestamp to timestamptz changes the type family: 2 code sites reading or writing it as timestamp; reached from 2 entry points: http POST /orders, cron AccountingExport.exportYesterday (cron 0 15 1 * * *)."
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz USING placed_at AT TIME ZONE 'Europe/Berlin';
