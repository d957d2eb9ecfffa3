-- The replacement: hashed tokens, a device label, revocation.
-- expect: ddl sessions.token_hash @migration, ddl sessions.user_id @migration, ddl sessions.device @migration, ddl sessions.expires_at @migration, ddl sessions.revoked_at @migration
CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  device text,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
