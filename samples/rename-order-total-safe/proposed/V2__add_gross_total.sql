-- Expand: the new column, nullable, so the running release can keep inserting without it.
SET lock_timeout = '5s';
-- expect: none
ALTER TABLE orders ADD COLUMN gross_total numeric(12, 2);
