-- Contract: drop the old column, now that no code reads or writes it.
-- expect: none
ALTER TABLE users DROP COLUMN name;
