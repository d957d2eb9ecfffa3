-- Contract: every customer has a country now, surely.
SET lock_timeout = '5s';
SET statement_timeout = '1min';
-- expect: finding not-null-vs-writers ~ "Making customers.country NOT NULL breaks 2 writers inserting rows without it; reached from 2 entry points: http POST /signup, cron PartnerFeed.importCustomers (cron 0 0 * * * *)."
-- expect: finding set-not-null-scans-table ~ "customers.country"
ALTER TABLE customers ALTER COLUMN country SET NOT NULL;
