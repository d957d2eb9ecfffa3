SET lock_timeout = '5s';
SET statement_timeout = '15min';
-- Expand only: the column, nullable, no constraint. The backfill runs as scripts/backfill_full_name.sql,
-- in batches, after the release that dual-writes name and full_name is fully deployed; NOT NULL comes in a
-- later release.
ALTER TABLE users ADD COLUMN full_name text;
