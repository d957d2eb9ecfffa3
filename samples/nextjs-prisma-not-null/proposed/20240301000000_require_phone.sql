-- Every customer must have a phone number from now on.
SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- expect: finding not-null-vs-writers ~ "breaks 2 writers inserting rows without it", finding set-not-null-scans-table ~ "customers.phone"
ALTER TABLE "customers" ALTER COLUMN "phone" SET NOT NULL;
