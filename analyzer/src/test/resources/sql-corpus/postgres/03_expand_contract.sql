-- Releases 3-9: schema evolution done the zero-downtime way (expand, backfill, contract).

SET lock_timeout = '3s';
SET statement_timeout TO '60s';
SET LOCAL idle_in_transaction_session_timeout = '5min';

-- Split users.full_name into given/family name.
ALTER TABLE users ADD COLUMN given_name text, ADD COLUMN family_name text;
ALTER TABLE users ADD COLUMN IF NOT EXISTS display_name text GENERATED ALWAYS AS (coalesce(given_name || ' ' || family_name, full_name)) STORED;

-- A NOT NULL column with a constant default is instant since Postgres 11.
ALTER TABLE projects ADD COLUMN visibility text NOT NULL DEFAULT 'private';
ALTER TABLE projects ADD CONSTRAINT projects_visibility_check
    CHECK (visibility IN ('private', 'internal', 'public')) NOT VALID;
ALTER TABLE projects VALIDATE CONSTRAINT projects_visibility_check;

-- tasks.assignee_id gets a real FK without a long lock.
ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_assignee_id_fkey;
ALTER TABLE tasks ADD CONSTRAINT tasks_assignee_id_fkey
    FOREIGN KEY (assignee_id) REFERENCES users (id) ON DELETE SET NULL NOT VALID;
ALTER TABLE tasks VALIDATE CONSTRAINT tasks_assignee_id_fkey;

-- NOT NULL via a validated check constraint (PG12+ uses it to skip the scan).
ALTER TABLE comments ADD CONSTRAINT comments_edited_not_null CHECK (edited IS NOT NULL) NOT VALID;
ALTER TABLE comments VALIDATE CONSTRAINT comments_edited_not_null;
ALTER TABLE comments ALTER COLUMN edited SET NOT NULL;
ALTER TABLE comments DROP CONSTRAINT comments_edited_not_null;

-- Unique constraint backed by an index built concurrently.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS api_keys_org_name_key ON api_keys (organization_id, name);
ALTER TABLE api_keys ADD CONSTRAINT api_keys_org_name_unique UNIQUE USING INDEX api_keys_org_name_key;

CREATE INDEX CONCURRENTLY tasks_due_on_idx ON tasks (due_on) WHERE due_on IS NOT NULL AND status <> 'done';
DROP INDEX CONCURRENTLY IF EXISTS tasks_assignee_open_idx;
REINDEX INDEX CONCURRENTLY tasks_search_idx;
REINDEX (VERBOSE) TABLE CONCURRENTLY comments;

-- Rename with a compatibility view for the old name during the deploy.
ALTER TABLE comments RENAME COLUMN body TO body_markdown;
ALTER TABLE comments ADD COLUMN body_html text;
ALTER TABLE rate_limit_buckets RENAME TO rate_limits;
ALTER TABLE IF EXISTS rate_limits SET LOGGED;
ALTER TABLE rate_limits RENAME CONSTRAINT rate_limit_buckets_pkey TO rate_limits_pkey;

ALTER TABLE tasks ALTER COLUMN priority TYPE integer;
ALTER TABLE tasks ALTER COLUMN estimate SET DATA TYPE interval USING estimate;
ALTER TABLE organizations ALTER COLUMN plan SET DEFAULT 'trial';
ALTER TABLE organizations ALTER COLUMN plan DROP DEFAULT, ALTER COLUMN plan DROP NOT NULL;
ALTER TABLE users ALTER COLUMN locale SET STATISTICS 200;
ALTER TABLE audit_log ALTER COLUMN details SET STORAGE EXTERNAL;
ALTER TABLE tasks SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE comments REPLICA IDENTITY FULL;
ALTER TABLE ONLY users ALTER COLUMN sign_in_count SET DEFAULT 0;
ALTER TABLE users OWNER TO app_owner;
ALTER TABLE billing.invoices SET SCHEMA public;
ALTER TABLE public.invoices SET SCHEMA billing;

-- Contract: the old column goes once no deployed code reads it.
ALTER TABLE users DROP COLUMN IF EXISTS password_digest;
ALTER TABLE users DROP COLUMN full_name CASCADE;

BEGIN;
LOCK TABLE projects IN SHARE ROW EXCLUSIVE MODE;
ALTER TABLE projects ADD COLUMN task_counter integer NOT NULL DEFAULT 0;
SAVEPOINT before_backfill;
UPDATE projects p SET task_counter = (SELECT count(*) FROM tasks t WHERE t.project_id = p.id);
RELEASE SAVEPOINT before_backfill;
COMMIT;

START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
ALTER TABLE memberships ADD COLUMN accepted_at timestamptz;
ROLLBACK;

RESET lock_timeout;
RESET ALL;

TRUNCATE TABLE rate_limits;
TRUNCATE ONLY sessions_p0, sessions_p1 RESTART IDENTITY CASCADE;

DROP TABLE IF EXISTS legacy_task_imports, legacy_user_imports CASCADE;
DROP VIEW IF EXISTS project_overview;
DROP TYPE IF EXISTS old_priority;
DROP SEQUENCE IF EXISTS tasks_number_seq;
DROP FUNCTION IF EXISTS refresh_task_counts(bigint);
DROP TRIGGER IF EXISTS tasks_touch ON tasks;
DROP EXTENSION IF EXISTS "uuid-ossp";
DROP SCHEMA IF EXISTS staging CASCADE;
