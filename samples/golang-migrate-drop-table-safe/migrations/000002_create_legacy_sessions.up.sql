-- Cookie sessions of the first release, one row per login.
-- expect: ddl legacy_sessions.token @migration, ddl legacy_sessions.user_id @migration, ddl legacy_sessions.expires_at @migration
CREATE TABLE legacy_sessions (
  token text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL
);
