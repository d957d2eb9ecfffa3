-- Views, routines and triggers the app relies on.

CREATE OR REPLACE VIEW active_projects AS
SELECT p.id, p.organization_id, p.key, p.name, o.slug AS organization_slug
  FROM projects p
  JOIN organizations o ON o.id = p.organization_id
 WHERE NOT p.archived
   AND o.deleted_at IS NULL;

CREATE VIEW open_task_counts (project_id, open_tasks, overdue_tasks) AS
SELECT project_id,
       count(*) FILTER (WHERE status <> 'done'),
       count(*) FILTER (WHERE status <> 'done' AND due_on < current_date)
  FROM tasks
 GROUP BY project_id;

CREATE OR REPLACE VIEW billing.outstanding_invoices WITH (security_barrier = true) AS
SELECT i.id, i.number, c.organization_id, i.total_cents, i.issued_at
  FROM billing.invoices i
  JOIN billing.customers c ON c.id = i.customer_id
 WHERE i.status = 'open'
WITH LOCAL CHECK OPTION;

CREATE MATERIALIZED VIEW project_activity_daily AS
SELECT t.project_id,
       date_trunc('day', c.created_at) AS day,
       count(DISTINCT c.author_id) AS commenters,
       count(*) AS comments
  FROM comments c
  JOIN tasks t ON t.id = c.task_id
 GROUP BY 1, 2
WITH NO DATA;

CREATE UNIQUE INDEX project_activity_daily_key ON project_activity_daily (project_id, day);
REFRESH MATERIALIZED VIEW project_activity_daily;
REFRESH MATERIALIZED VIEW CONCURRENTLY project_activity_daily;

CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER organizations_set_updated_at
    BEFORE UPDATE ON organizations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TRIGGER tasks_set_updated_at
    BEFORE UPDATE ON tasks
    FOR EACH ROW
    WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION set_updated_at();

CREATE OR REPLACE FUNCTION next_task_number(p_project_id bigint) RETURNS integer
    LANGUAGE sql
    VOLATILE
AS $$
    UPDATE projects
       SET task_counter = task_counter + 1
     WHERE id = p_project_id
 RETURNING task_counter;
$$;

CREATE OR REPLACE FUNCTION assign_task_number() RETURNS trigger
LANGUAGE plpgsql
AS $function$
BEGIN
  IF NEW.number IS NULL THEN
    NEW.number := next_task_number(NEW.project_id);
  END IF;
  RETURN NEW;
END
$function$;

CREATE TRIGGER tasks_assign_number BEFORE INSERT ON tasks
    FOR EACH ROW EXECUTE PROCEDURE assign_task_number();

CREATE OR REPLACE FUNCTION audit_changes() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_actor uuid := nullif(current_setting('app.user_id', true), '')::uuid;
BEGIN
    INSERT INTO audit_log (actor_id, action, target_type, target_id, details)
    VALUES (v_actor, lower(TG_OP), TG_TABLE_NAME, coalesce(NEW.id, OLD.id)::text,
            jsonb_build_object('old', to_jsonb(OLD), 'new', to_jsonb(NEW)));
    RETURN coalesce(NEW, OLD);
END;
$$;

CREATE TRIGGER projects_audit
    AFTER INSERT OR UPDATE OF name, visibility OR DELETE ON projects
    FOR EACH ROW EXECUTE FUNCTION audit_changes();

CREATE OR REPLACE FUNCTION count_new_comments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tasks t
       SET updated_at = now()
      FROM (SELECT DISTINCT task_id FROM new_comments) n
     WHERE t.id = n.task_id;
    RETURN NULL;
END $$;

CREATE TRIGGER comments_touch_tasks
    AFTER INSERT ON comments
    REFERENCING NEW TABLE AS new_comments
    FOR EACH STATEMENT EXECUTE FUNCTION count_new_comments();

CREATE OR REPLACE FUNCTION organization_usage(p_org bigint)
RETURNS TABLE (project_id bigint, open_tasks bigint, last_activity timestamptz)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT p.id, count(t.id) FILTER (WHERE t.status <> 'done'), max(t.updated_at)
      FROM projects p
      LEFT JOIN tasks t ON t.project_id = p.id
     WHERE p.organization_id = p_org
     GROUP BY p.id
$$;

CREATE FUNCTION task_age_days(t tasks) RETURNS integer
    IMMUTABLE LANGUAGE sql
    RETURN extract(day FROM now() - t.created_at)::integer;

CREATE OR REPLACE FUNCTION archive_project(p_id bigint)
RETURNS void
LANGUAGE sql
BEGIN ATOMIC
    UPDATE projects SET archived = true WHERE id = p_id;
    DELETE FROM api_keys WHERE organization_id = (SELECT organization_id FROM projects WHERE id = p_id) AND revoked_at IS NOT NULL;
END;

CREATE OR REPLACE PROCEDURE purge_expired_sessions(batch_size integer DEFAULT 5000)
LANGUAGE plpgsql
AS $$
DECLARE
    deleted integer;
BEGIN
    LOOP
        DELETE FROM sessions
         WHERE id IN (SELECT id FROM sessions WHERE expires_at < now() LIMIT batch_size);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        COMMIT;
        EXIT WHEN deleted < batch_size;
    END LOOP;
END;
$$;

CALL purge_expired_sessions(10000);
CALL purge_expired_sessions();

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reporting') THEN
        CREATE ROLE reporting NOLOGIN;
    END IF;
END
$$;

DO LANGUAGE plpgsql $migrate$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT id FROM organizations WHERE settings ? 'legacy_theme' LOOP
        UPDATE organizations SET settings = settings - 'legacy_theme' WHERE id = r.id;
    END LOOP;
END
$migrate$;

ALTER FUNCTION audit_changes() OWNER TO app_owner;
ALTER FUNCTION next_task_number(bigint) SET search_path = public;
REVOKE ALL ON FUNCTION audit_changes() FROM PUBLIC;
COMMENT ON FUNCTION organization_usage(bigint) IS 'Used by the usage page and the nightly export.';
ALTER TRIGGER projects_audit ON projects RENAME TO projects_audit_trail;
ALTER TABLE comments DISABLE TRIGGER comments_touch_tasks;
ALTER TABLE comments ENABLE TRIGGER comments_touch_tasks;
DROP MATERIALIZED VIEW IF EXISTS stale_report CASCADE;
ALTER VIEW active_projects RENAME TO live_projects;
ALTER MATERIALIZED VIEW project_activity_daily SET TABLESPACE pg_default;
