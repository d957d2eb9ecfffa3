-- Queries the application sends (extracted from the repositories and the query log).

SELECT id, email, given_name, family_name FROM users WHERE id = $1;

SELECT u.id, u.email, m.role
  FROM memberships m
  JOIN users u ON u.id = m.user_id
 WHERE m.organization_id = $1
 ORDER BY m.role, lower(u.email)
 LIMIT $2 OFFSET $3;

SELECT t.id, t.number, t.title, t.status, t.priority, t.due_on
  FROM tasks t
 WHERE t.project_id = $1
   AND (t.created_at, t.id) < ($2, $3)
 ORDER BY t.created_at DESC, t.id DESC
 LIMIT 50;

SELECT DISTINCT ON (t.project_id) t.project_id, t.id, t.title, t.updated_at
  FROM tasks t
 WHERE t.assignee_id = $1
 ORDER BY t.project_id, t.updated_at DESC;

SELECT p.id, p.name,
       count(t.id) AS total,
       count(t.id) FILTER (WHERE t.status = 'done') AS done,
       round(100.0 * count(t.id) FILTER (WHERE t.status = 'done') / nullif(count(t.id), 0), 1) AS pct_done
  FROM projects p
  LEFT JOIN tasks t ON t.project_id = p.id
 WHERE p.organization_id = $1
 GROUP BY p.id, p.name
HAVING count(t.id) > 0
 ORDER BY pct_done DESC NULLS LAST;

WITH RECURSIVE thread AS (
    SELECT c.id, c.task_id, c.body_markdown, 1 AS depth
      FROM comments c
     WHERE c.id = $1
    UNION ALL
    SELECT c.id, c.task_id, c.body_markdown, thread.depth + 1
      FROM comments c
      JOIN thread ON c.task_id = thread.task_id AND c.id > thread.id
     WHERE thread.depth < 20
)
SELECT * FROM thread ORDER BY depth;

SELECT t.id, t.title,
       rank() OVER (PARTITION BY t.project_id ORDER BY t.priority, t.created_at) AS queue_position,
       lag(t.due_on) OVER w AS previous_due,
       sum(extract(epoch FROM t.estimate)) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cumulative_seconds
  FROM tasks t
 WHERE t.status IN ('open', 'in_progress')
WINDOW w AS (PARTITION BY t.assignee_id ORDER BY t.due_on);

SELECT o.id, o.slug, latest.kind, latest.occurred_at
  FROM organizations o
  CROSS JOIN LATERAL (
        SELECT e.kind, e.occurred_at
          FROM events e
         WHERE e.organization_id = o.id
         ORDER BY e.occurred_at DESC
         LIMIT 1) AS latest
 WHERE o.deleted_at IS NULL;

SELECT o.id,
       o.settings ->> 'timezone' AS timezone,
       o.settings -> 'notifications' ->> 'digest' AS digest,
       o.settings #>> '{ui,theme}' AS theme,
       jsonb_array_length(coalesce(o.settings -> 'beta_features', '[]')) AS betas
  FROM organizations o
 WHERE o.settings @> '{"sso": {"enabled": true}}'
   AND o.settings ? 'timezone'
   AND o.settings ?| array['beta_features', 'preview'];

SELECT e.payload ->> 'path' AS path, count(*)
  FROM events e
 WHERE e.kind = 'page.view'
   AND e.occurred_at >= now() - interval '1 day'
   AND (e.payload ->> 'duration_ms')::int > 1000
 GROUP BY 1
 ORDER BY 2 DESC;

SELECT jsonb_build_object(
           'project', p.name,
           'tasks', coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'title', t.title) ORDER BY t.number)
                             FILTER (WHERE t.id IS NOT NULL), '[]'::jsonb))
  FROM projects p
  LEFT JOIN tasks t ON t.project_id = p.id
 WHERE p.id = $1
 GROUP BY p.id;

SELECT id, title, ts_headline('simple', body, q) AS snippet
  FROM tasks, websearch_to_tsquery('simple', $1) AS q
 WHERE search @@ q
 ORDER BY ts_rank_cd(search, q) DESC
 LIMIT 20;

SELECT id, title FROM tasks WHERE title ILIKE '%' || $1 || '%' AND project_id = ANY($2::bigint[]);

SELECT t.id FROM tasks t WHERE t.labels && ARRAY['bug', 'regression'] AND NOT (t.labels @> ARRAY['wontfix']);

SELECT date_trunc('week', created_at) AS week, status, count(*)
  FROM tasks
 WHERE project_id = $1
 GROUP BY GROUPING SETS ((week, status), (week), ());

SELECT u.id, u.email
  FROM users u
 WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id)
   AND u.created_at < now() - interval '30 days';

SELECT id FROM projects WHERE organization_id = $1
EXCEPT
SELECT project_id FROM tasks WHERE updated_at > now() - interval '90 days';

SELECT 'task' AS kind, id, title AS label FROM tasks WHERE assignee_id = $1
UNION ALL
SELECT 'comment', id, left(body_markdown, 80) FROM comments WHERE author_id = $1
ORDER BY id DESC
LIMIT 100;

INSERT INTO tasks (project_id, title, body, status, priority, assignee_id)
VALUES ($1, $2, $3, 'open', coalesce($4, 3), $5)
RETURNING id, number, created_at;

INSERT INTO comments (task_id, author_id, body_markdown) VALUES ($1, $2, $3) RETURNING *;

INSERT INTO memberships (organization_id, user_id, role, invited_by)
VALUES ($1, $2, $3, $4)
ON CONFLICT (organization_id, user_id)
DO UPDATE SET role = EXCLUDED.role, invited_by = EXCLUDED.invited_by
WHERE memberships.role <> 'owner';

INSERT INTO rate_limits (key, tokens, refilled_at)
VALUES ($1, $2, now())
ON CONFLICT ON CONSTRAINT rate_limits_pkey
DO UPDATE SET tokens = LEAST(rate_limits.tokens + $3, $2), refilled_at = now()
RETURNING tokens;

INSERT INTO api_keys (organization_id, name, token_hash, scopes, expires_at)
VALUES ($1, $2, digest($3, 'sha256'), $4::text[], now() + make_interval(days => $5))
RETURNING id;

INSERT INTO notifications (user_id, channel, body)
SELECT m.user_id, 'email', jsonb_build_object('task', $2::bigint, 'kind', 'mention')
  FROM memberships m
 WHERE m.organization_id = $1 AND m.user_id = ANY($3::uuid[]);

UPDATE tasks
   SET status = $2, updated_at = now()
 WHERE id = $1
   AND status IS DISTINCT FROM $2
RETURNING id, status, updated_at;

UPDATE tasks t
   SET assignee_id = NULL
  FROM memberships m
 WHERE m.user_id = t.assignee_id
   AND m.organization_id = $1
   AND m.user_id = $2;

UPDATE users SET last_sign_in_at = now(), sign_in_count = sign_in_count + 1 WHERE id = $1;

UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND id <= $2;

UPDATE api_keys SET last_used_at = now() WHERE token_hash = digest($1, 'sha256') AND revoked_at IS NULL RETURNING organization_id, scopes;

DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2 AND role <> 'owner';

DELETE FROM notifications n
 USING users u
 WHERE u.id = n.user_id AND u.email LIKE '%@example.test';

-- Job queue: one worker claims the next job.
WITH next_job AS (
    SELECT id FROM events
     WHERE kind = 'job.pending'
     ORDER BY occurred_at
     LIMIT 1
       FOR UPDATE SKIP LOCKED
)
UPDATE events e
   SET kind = 'job.running', payload = e.payload || jsonb_build_object('claimed_at', now())
  FROM next_job
 WHERE e.id = next_job.id
RETURNING e.id, e.payload;

SELECT id, title FROM tasks WHERE id = $1 FOR UPDATE;
SELECT id FROM projects WHERE id = $1 FOR NO KEY UPDATE NOWAIT;

SELECT count(*) FROM tasks WHERE project_id = $1;
SELECT exists(SELECT 1 FROM users WHERE lower(email::text) = lower($1));
SELECT now(), current_user, version();

SELECT i.number, i.total_cents / 100.0 AS total, c.billing_email
  FROM billing.invoices i
  JOIN billing.customers c ON c.id = i.customer_id
 WHERE i.status = 'open' AND i.issued_at < now() - interval '30 days';

SELECT * FROM organization_usage($1);
SELECT * FROM live_projects WHERE organization_id = $1;
SELECT project_id, open_tasks FROM open_task_counts WHERE project_id = ANY($1);

SELECT generate_series(date_trunc('day', now()) - interval '13 days', date_trunc('day', now()), interval '1 day')::date AS day;

SELECT p.key || '-' || t.number AS ref, t.title, u.given_name
  FROM tasks t
  JOIN projects p USING (id)
  LEFT JOIN users u ON u.id = t.assignee_id
 WHERE t.id = $1;

SELECT t.*, to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_iso
  FROM tasks t
 WHERE t.id = $1;

SELECT unnest(labels) AS label, count(*) FROM tasks WHERE project_id = $1 GROUP BY label ORDER BY count(*) DESC;

SELECT m.organization_id, array_agg(m.user_id ORDER BY m.created_at) AS members,
       string_agg(DISTINCT m.role, ', ') AS roles
  FROM memberships m
 GROUP BY m.organization_id;

SELECT CASE WHEN due_on < current_date THEN 'overdue'
            WHEN due_on < current_date + 7 THEN 'this_week'
            ELSE 'later' END AS bucket,
       count(*)
  FROM tasks
 WHERE status <> 'done' AND due_on IS NOT NULL
 GROUP BY bucket;

VALUES (1, 'one'), (2, 'two');

TABLE organizations;

PREPARE task_by_id (bigint) AS SELECT id, title FROM tasks WHERE id = $1;
EXECUTE task_by_id(42);
DEALLOCATE task_by_id;
