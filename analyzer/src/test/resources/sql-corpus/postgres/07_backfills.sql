-- Data migrations that ran alongside the schema changes.

-- Fill given/family name from the old full name, in id ranges so each batch is short.
UPDATE users
   SET given_name  = split_part(display_name, ' ', 1),
       family_name = nullif(substr(display_name, strpos(display_name, ' ') + 1), '')
 WHERE given_name IS NULL
   AND id IN (SELECT id FROM users WHERE given_name IS NULL ORDER BY id LIMIT 10000);

WITH batch AS (
    SELECT id
      FROM tasks
     WHERE priority IS NULL
     ORDER BY id
     LIMIT 5000
       FOR UPDATE SKIP LOCKED
)
UPDATE tasks t
   SET priority = 3
  FROM batch
 WHERE t.id = batch.id;

UPDATE tasks AS t
   SET number = numbered.n
  FROM (SELECT id, row_number() OVER (PARTITION BY project_id ORDER BY created_at, id) AS n
          FROM tasks) AS numbered
 WHERE numbered.id = t.id
   AND t.number IS DISTINCT FROM numbered.n;

UPDATE projects
   SET task_counter = coalesce(counts.max_number, 0)
  FROM (SELECT project_id, max(number) AS max_number FROM tasks GROUP BY project_id) counts
 WHERE counts.project_id = projects.id;

UPDATE organizations
   SET settings = jsonb_set(settings, '{notifications,digest}', '"weekly"'::jsonb, true)
 WHERE NOT settings ? 'notifications';

UPDATE organizations
   SET settings = settings || jsonb_build_object('theme', settings #>> '{ui,theme}')
 WHERE settings #> '{ui,theme}' IS NOT NULL;

UPDATE comments SET body_html = NULL WHERE body_html = '';

INSERT INTO memberships (organization_id, user_id, role)
SELECT p.organization_id, p.created_by, 'owner'
  FROM projects p
 WHERE p.created_by IS NOT NULL
ON CONFLICT (organization_id, user_id) DO NOTHING;

INSERT INTO billing.customers (organization_id, stripe_customer_id, billing_email)
SELECT o.id, 'cus_pending_' || o.id, u.email
  FROM organizations o
  JOIN LATERAL (
        SELECT usr.email
          FROM memberships m
          JOIN users usr ON usr.id = m.user_id
         WHERE m.organization_id = o.id AND m.role = 'owner'
         ORDER BY m.created_at
         LIMIT 1) u ON true
 WHERE NOT EXISTS (SELECT 1 FROM billing.customers c WHERE c.organization_id = o.id);

INSERT INTO audit_log (action, target_type, target_id, details)
VALUES ('backfill', 'tasks', 'number', '{"migration": "V7__task_numbers"}');

DELETE FROM sessions WHERE expires_at < now() - interval '30 days';

DELETE FROM comments c
 USING tasks t
 WHERE t.id = c.task_id
   AND t.status = 'archived'
   AND c.created_at < '2022-01-01';

DELETE FROM api_keys
 WHERE revoked_at IS NOT NULL
RETURNING id, organization_id, name;

WITH moved AS (
    DELETE FROM events
     WHERE occurred_at < '2024-02-01'
    RETURNING *
)
INSERT INTO events_default
SELECT * FROM moved;

COPY users (id, email, given_name, family_name, created_at) FROM STDIN WITH (FORMAT csv, HEADER true);

COPY (SELECT id, slug, plan FROM organizations WHERE deleted_at IS NULL) TO STDOUT WITH CSV HEADER;

COPY tasks TO '/tmp/tasks.csv' (FORMAT csv);

\copy api_keys (organization_id, name, token_hash) from 'keys.csv' with csv

UPDATE tasks
   SET labels = array_remove(labels, 'wontfix') || ARRAY['closed']
 WHERE 'wontfix' = ANY (labels);

UPDATE users u
   SET locale = m.locale
  FROM (VALUES ('fr-FR', 'fr'), ('de-DE', 'de'), ('pt-BR', 'pt')) AS m(long_code, locale)
 WHERE u.locale = m.long_code;

DO $$
DECLARE
    last_id bigint := 0;
    batch_max bigint;
BEGIN
    LOOP
        SELECT max(id) INTO batch_max
          FROM (SELECT id FROM comments WHERE id > last_id ORDER BY id LIMIT 2000) b;
        EXIT WHEN batch_max IS NULL;
        UPDATE comments
           SET body_html = '<p>' || body_markdown || '</p>'
         WHERE id > last_id AND id <= batch_max AND body_html IS NULL;
        last_id := batch_max;
        PERFORM pg_sleep(0.05);
    END LOOP;
END
$$;

MERGE INTO billing.customers AS c
USING (SELECT id, settings ->> 'billing_email' AS email FROM organizations) AS o
   ON c.organization_id = o.id
 WHEN MATCHED AND o.email IS NOT NULL THEN
      UPDATE SET billing_email = o.email
 WHEN NOT MATCHED THEN
      INSERT (organization_id, stripe_customer_id, billing_email)
      VALUES (o.id, 'cus_pending_' || o.id, o.email);

ANALYZE users;
