-- expect: ddl users.created_at @migration, ddl users.email @migration, ddl users.id @migration, ddl users.legacy_tier @migration
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  legacy_tier text,
  created_at timestamptz NOT NULL DEFAULT now()
);
