-- Weekly tier counts for sales, mailed by the tier-report CronJob.
-- expect: read users.* @cron, read users.legacy_tier @cron, related drop-column-still-read
SELECT legacy_tier, count(*) AS users
FROM users
GROUP BY legacy_tier
ORDER BY users DESC;
