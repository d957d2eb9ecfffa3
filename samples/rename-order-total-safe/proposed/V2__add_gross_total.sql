-- Expand: the new column, nullable, so the running release can keep inserting without it.
-- expect: none
ALTER TABLE orders ADD COLUMN gross_total numeric(12, 2);
