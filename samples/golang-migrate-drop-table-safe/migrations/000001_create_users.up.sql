-- expect: ddl users.id @migration, ddl users.email @migration, ddl users.created_at @migration
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
