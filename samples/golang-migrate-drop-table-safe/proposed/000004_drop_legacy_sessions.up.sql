SET lock_timeout = '5s';
-- The contract step: logins moved to sessions two releases ago, and now nothing else uses the old table.
-- blastradius-ignore: drop-table -- plain-text tokens of expired logins; nothing to keep
DROP TABLE legacy_sessions;
