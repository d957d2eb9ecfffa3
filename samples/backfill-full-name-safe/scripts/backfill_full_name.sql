-- Run until it reports UPDATE 0: psql -f scripts/backfill_full_name.sql
-- Each run is one small transaction; rows already done are skipped, so a re-run is harmless.
-- expect: read users.full_name @script, read users.id @script, read users.name @script, write users.full_name @script
WITH batch AS (
  SELECT id FROM users WHERE full_name IS NULL ORDER BY id LIMIT 5000
)
UPDATE users u SET full_name = u.name FROM batch WHERE u.id = batch.id AND u.full_name IS NULL;
