-- Contract: drop the old column. Proposed while some code still uses it.
SET lock_timeout = '5s';
-- expect: finding drop-column-still-read ~ "Dropping users.name breaks 2 code sites", finding drop-column-still-written ~ "users.name"
ALTER TABLE users DROP COLUMN name;
