SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- expect: finding constraint-before-backfill ~ "Adding NOT NULL on users.full_name in the release where it is added (proposed/V7__add_full_name.sql:5): instances of the running release and rows written before the backfill finishes can violate it; add the constraint in a later release, once every writer fills the column and the backfill is done."
-- expect: finding not-null-vs-writers ~ "Making users.full_name NOT NULL breaks 1 writer inserting rows without it; reached from 1 entry point: http POST /signup."
-- expect: finding set-not-null-scans-table ~ "SET NOT NULL on users.full_name scans all of users under an ACCESS EXCLUSIVE lock, blocking its reads and writes until every row is checked; a validated CHECK (full_name IS NOT NULL) constraint added beforehand would let Postgres 12+ skip it."
ALTER TABLE users ALTER COLUMN full_name SET NOT NULL;
