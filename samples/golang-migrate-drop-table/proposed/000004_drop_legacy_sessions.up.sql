SET lock_timeout = '5s';
-- The contract step: logins moved to sessions two releases ago.
-- expect: finding drop-table ~ "Dropping legacy_sessions deletes its data for good"
-- expect: finding drop-table-still-referenced ~ "Dropping legacy_sessions breaks 2 code sites still using it; reached from 2 entry points: admin GET /admin/stats/logins, script scripts/purge_sessions.sh."
DROP TABLE legacy_sessions;
