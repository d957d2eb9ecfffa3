-- Scheduled jobs (pg_cron) and the maintenance the DBA on call runs by hand.

CREATE EXTENSION IF NOT EXISTS pg_cron;

SELECT cron.schedule('purge-sessions', '*/15 * * * *', $$CALL purge_expired_sessions(5000)$$);

SELECT cron.schedule(
    'refresh-project-activity',
    '5 * * * *',
    $$REFRESH MATERIALIZED VIEW CONCURRENTLY project_activity_daily$$
);

SELECT cron.schedule('expire-api-keys', '0 3 * * *', $$
    UPDATE api_keys
       SET revoked_at = now()
     WHERE revoked_at IS NULL
       AND expires_at < now()
$$);

SELECT cron.schedule('nightly-usage-rollup', '30 2 * * *', $job$
    INSERT INTO events (organization_id, occurred_at, kind, payload)
    SELECT p.organization_id, now(), 'usage.rollup',
           jsonb_build_object('open_tasks', count(t.id))
      FROM projects p
      LEFT JOIN tasks t ON t.project_id = p.id AND t.status <> 'done'
     GROUP BY p.organization_id
$job$);

SELECT cron.schedule('vacuum-events', '0 4 * * 0', 'VACUUM (ANALYZE) events');
SELECT cron.schedule_in_database('reporting-refresh', '0 * * * *', 'REFRESH MATERIALIZED VIEW project_activity_daily', 'reporting');
SELECT cron.unschedule('purge-sessions');
SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname LIKE 'legacy-%';
UPDATE cron.job SET active = false WHERE jobname = 'vacuum-events';
DELETE FROM cron.job_run_details WHERE end_time < now() - interval '7 days';

VACUUM (VERBOSE, ANALYZE) tasks;
VACUUM FULL rate_limits;
VACUUM (FULL false, PARALLEL 4) comments;
VACUUM;
ANALYZE VERBOSE organizations;
ANALYZE tasks (status, priority);
CLUSTER VERBOSE comments USING comments_task_created_idx;
CHECKPOINT;

SELECT pg_terminate_backend(pid)
  FROM pg_stat_activity
 WHERE state = 'idle in transaction'
   AND state_change < now() - interval '10 minutes'
   AND datname = current_database();

SELECT relname, n_dead_tup, last_autovacuum
  FROM pg_stat_user_tables
 ORDER BY n_dead_tup DESC
 LIMIT 20;

SELECT pg_size_pretty(pg_total_relation_size('public.events'));

SELECT query, calls, mean_exec_time
  FROM pg_stat_statements
 WHERE query ILIKE '%full_name%'
 ORDER BY calls DESC;

EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
SELECT * FROM tasks WHERE assignee_id = '00000000-0000-0000-0000-000000000000' AND status <> 'done';

SHOW search_path;
DISCARD ALL;
LISTEN task_events;
UNLISTEN *;
SELECT pg_notify('task_events', json_build_object('id', 42, 'op', 'update')::text);
SELECT pg_advisory_lock(hashtext('backfill-task-numbers'));
SELECT pg_advisory_unlock_all();
