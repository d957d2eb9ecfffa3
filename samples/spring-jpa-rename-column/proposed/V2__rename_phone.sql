-- The column holds E.164 numbers now; give it a name that says so.
SET lock_timeout = '5s';
-- expect: finding rename-column-still-referenced ~ "Renaming customers.phone to phone_e164 breaks 5 code sites still using the old name"
ALTER TABLE customers RENAME COLUMN phone TO phone_e164;
