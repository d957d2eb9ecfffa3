SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- expect: finding rename-table ~ "Renaming coupons to promotions breaks every client still using the old name, including instances of the current release during the deploy."
-- expect: finding rename-table-still-referenced ~ "Renaming coupons to promotions breaks 2 code sites still using the old name; reached from 2 entry points: http GET /coupons/{code}, cron LegacyCouponSync.sync (cron 0 */15 * * * *)."
ALTER TABLE coupons RENAME TO promotions;
-- expect: finding unused-ignore ~ "blastradius-ignore: drop-tabel-still-referenced is not a rule id: remove it, or fix the rule id."
-- blastradius-ignore: drop-tabel-still-referenced -- the old shop is gone
-- expect: finding drop-table ~ "Dropping legacy_coupons deletes its data for good and breaks every client that still uses it, including instances of the current release during the deploy."
-- expect: finding drop-table-still-referenced ~ "Dropping legacy_coupons breaks 1 code site still using it; reached from 1 entry point: cron LegacyCouponSync.sync (cron 0 */15 * * * *)."
DROP TABLE legacy_coupons;
