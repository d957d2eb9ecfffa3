-- "total" is ambiguous (gross? net?); rename it in place. Instant in Postgres, fatal for running code.
SET lock_timeout = '5s';
-- expect: finding rename-column-still-referenced ~ "Renaming orders.total to gross_total breaks 3 code sites still using the old name"
ALTER TABLE orders RENAME COLUMN total TO gross_total;
