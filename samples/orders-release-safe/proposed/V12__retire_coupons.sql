SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- The rename keeps the old name working through a view until every client reads promotions.
-- blastradius-ignore: rename-table -- the coupons view below keeps the old name readable
ALTER TABLE coupons RENAME TO promotions;
CREATE VIEW coupons AS SELECT code, percent FROM promotions;
-- LegacyCouponSync was deleted in the previous release; the table's rows were archived.
-- blastradius-ignore: drop-table -- no code references it since release 41, rows archived to S3
DROP TABLE legacy_coupons;
