-- Weekly plan counts for sales, mailed by the tier-report CronJob.
-- expect: read users.* @cron, read users.plan @cron
SELECT plan, count(*) AS users
FROM users
GROUP BY plan
ORDER BY users DESC;
