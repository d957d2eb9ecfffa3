CREATE TABLE legacy_sessions (token text PRIMARY KEY, user_id bigint NOT NULL, expires_at timestamptz NOT NULL);
