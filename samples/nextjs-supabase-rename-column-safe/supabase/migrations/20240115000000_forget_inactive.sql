-- pg_cron: forget the handles of accounts inactive for two years, nightly.
-- expect: write profiles.username @cron, read profiles.last_seen_at @cron
SELECT cron.schedule('forget-inactive', '0 3 * * *', $$UPDATE profiles SET username = NULL WHERE last_seen_at < now() - interval '2 years'$$);
