-- Contract: drop the old column, now that no code reads or writes it.
SET lock_timeout = '5s';
-- expect: none
ALTER TABLE users DROP COLUMN name;
