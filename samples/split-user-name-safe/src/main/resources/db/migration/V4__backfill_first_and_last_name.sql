-- Backfill (a real one would run in batches from a job; this one is small).
-- expect: read users.name @migration, read users.first_name @migration, write users.first_name @migration, write users.last_name @migration
UPDATE users
   SET first_name = split_part(name, ' ', 1),
       last_name  = nullif(substr(name, length(split_part(name, ' ', 1)) + 2), '')
 WHERE first_name IS NULL;
