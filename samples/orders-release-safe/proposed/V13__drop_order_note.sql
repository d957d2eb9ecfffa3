SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- Support moved to order_comments; the view goes first, then the column nobody uses any more.
DROP VIEW order_notes;
ALTER TABLE orders DROP COLUMN note;
